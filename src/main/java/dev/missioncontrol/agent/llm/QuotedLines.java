package dev.missioncontrol.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The code in a report, and which of it quotes log lines: code spans, the lines of fenced, indented and
 * {@code <pre>} blocks, and block-quoted lines that read as log lines; and, outside code, table cells, the further
 * paragraphs of a list item and double-quoted text that plainly are log lines (a time first, then a level or an
 * exception). The markdown is read by CommonMark's parser, whose source spans say where each piece stands and where a
 * mark after it goes (after a block, never inside it). Quotes in Recommended actions and Not checked are not
 * evidence: a command such as {@code kubectl logs app | grep ERROR} there is advice, and is not looked up.
 */
final class QuotedLines extends AbstractVisitor {
    /**
     * A piece of code or a quoted line.
     *
     * @param markAt where a mark about it goes: right after a span, after the closing fence of a block
     * @param quote  whether it reads as a log line in a section that holds evidence
     * @param block  whether it is a line of a block, so its mark goes on a line of its own after the block
     */
    record Code(String text, int start, int end, int markAt, boolean quote, boolean block) {
        boolean holds(int offset) {
            return offset >= start && offset < end;
        }
    }

    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Set<String> ADVICE = Set.of("recommended actions", "not checked");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])\\d{2}:\\d{2}:\\d{2}(?![\\d:])");
    private static final Pattern LEVEL = Pattern.compile("\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL"
            + "|CRIT|CRITICAL|SEVERE|PANIC|EMERG|ALERT)\\b|level\"?\\s*[=:]");
    private static final Pattern EXCEPTION = Pattern.compile("\\b[\\w.$]*(Exception|Error)\\b");
    /** "context.logs line 12, …: `…`", the way the analyst and the tools name where a line came from. */
    private static final Pattern SOURCE = Pattern.compile("\\bline \\d|\\bcontext\\.\\w");
    private static final Pattern PRE = Pattern.compile("^\\s{0,3}<pre[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE_TAG = Pattern.compile("<pre[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final String PRE_END = "</pre>";
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^\\W{0,2}(\\d{4}-\\d{2}-\\d{2}[T ])?\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”");

    private final String markdown;
    private final List<Code> found = new ArrayList<>();
    private boolean advice;

    private QuotedLines(String markdown) {
        this.markdown = markdown;
    }

    /** Every piece of code in the report, in order; those with {@link Code#quote()} quote log lines. */
    static List<Code> in(String markdown) {
        QuotedLines scan = new QuotedLines(markdown);
        MARKDOWN.parse(markdown).accept(scan);
        return List.copyOf(scan.found);
    }

    static List<Code> quotes(String markdown) {
        return in(markdown).stream().filter(Code::quote).toList();
    }

    @Override
    public void visit(Heading heading) {
        section(heading);
    }

    /**
     * A span: its mark goes right after it, and the text before it on its line may name its source. Its end is read
     * off the source, at the closing run of as many backticks as opened it. In a table cell the parser takes each
     * {@code \|} for {@code |} before it reads the cell's spans, so their source spans start and end a character
     * early per escaped bar before them, and the start is found again in the cell's own text.
     */
    @Override
    public void visit(org.commonmark.node.Code span) {
        List<SourceSpan> spans = span.getSourceSpans();
        if (!spans.isEmpty()) {
            int start = inCell(span, spans.getFirst().getInputIndex());
            int end = closingRun(start).orElse(end(spans));
            String before = markdown.substring(markdown.lastIndexOf('\n', start - 1) + 1, start);
            add(span.getLiteral(), start, end, end, before);
        }
    }

    /** Where an offset the parser gave inside a table cell lies in the markdown, escaped bars counted back in. */
    private int inCell(Node node, int reported) {
        Node cell = node.getParent();
        while (cell != null && !(cell instanceof TableCell)) {
            cell = cell.getParent();
        }
        if (cell == null || cell.getSourceSpans().isEmpty()) {
            return reported;
        }
        int raw = cell.getSourceSpans().getFirst().getInputIndex();
        for (int unescaped = raw; unescaped < reported && raw < markdown.length(); unescaped++) {
            raw += markdown.startsWith("\\|", raw) ? 2 : 1;
        }
        return raw;
    }

    /** Where the span opening at {@code start} ends: after the next run of exactly its opening backticks. */
    private Optional<Integer> closingRun(int start) {
        int run = runAt(start);
        if (run == 0) {
            return Optional.empty();
        }
        for (int i = markdown.indexOf('`', start + run); i >= 0; i = markdown.indexOf('`', i + runAt(i))) {
            if (runAt(i) == run) {
                return Optional.of(i + run);
            }
        }
        return Optional.empty();
    }

    private int runAt(int at) {
        int n = 0;
        while (at + n < markdown.length() && markdown.charAt(at + n) == '`') {
            n++;
        }
        return n;
    }

    /**
     * The lines between the fences. An unclosed fence runs to the end of the report, as CommonMark reads it (a report
     * cut at its length limit in the middle of a block); its lines quote nothing, since a mark after them would be
     * inside the block.
     */
    @Override
    public void visit(FencedCodeBlock fenced) {
        List<SourceSpan> lines = fenced.getSourceSpans();
        Integer fence = fenced.getClosingFenceLength();
        boolean closed = fence != null && fence > 0;
        int closing = closed ? 1 : 0;
        if (lines.size() > 1 + closing) {
            boolean wasAdvice = advice;
            advice = advice || !closed;
            block(lines.subList(1, lines.size() - closing), end(lines), false);
            advice = wasAdvice;
        }
    }

    /** An indented block: prose indented by mistake looks the same, so only plain log lines count as quotes. */
    @Override
    public void visit(IndentedCodeBlock indented) {
        block(indented.getSourceSpans(), end(indented.getSourceSpans()), true);
    }

    /** A {@code <pre>} block's lines, from after its opening tag to before its closing one. */
    @Override
    public void visit(HtmlBlock html) {
        List<SourceSpan> lines = html.getSourceSpans();
        if (lines.isEmpty() || !PRE.matcher(text(lines.getFirst())).find()) {
            return;
        }
        List<int[]> inside = new ArrayList<>();
        for (SourceSpan line : lines) {
            int start = line.getInputIndex();
            int end = start + line.getLength();
            Matcher tag = PRE_TAG.matcher(markdown).region(start, end);
            if (line == lines.getFirst() && tag.find()) {
                start = tag.end();
            }
            int close = markdown.substring(start, end).toLowerCase(Locale.ROOT).indexOf(PRE_END);
            inside.add(new int[] {start, close < 0 ? end : start + close});
            if (close >= 0) {
                break;
            }
        }
        closeBlock(inside, end(lines), false);
    }

    @Override
    public void visit(Paragraph paragraph) {
        if (section(paragraph) && paragraph.getSourceSpans().size() == 1) {
            return;
        }
        if (within(paragraph, BlockQuote.class)) {
            quotedLines(paragraph);
        } else {
            boolean furtherInItem = paragraph.getParent() instanceof ListItem && paragraph.getPrevious() != null;
            visitChildren(paragraph); // its code spans first, so that quotes around them are not taken twice
            for (SourceSpan line : paragraph.getSourceSpans()) {
                if (furtherInItem) {
                    bare(line);
                }
                doubleQuoted(line);
            }
            return;
        }
        visitChildren(paragraph);
    }

    /** A table cell that plainly is a log line; a cell that is a time or a number alone is none. */
    @Override
    public void visit(CustomNode node) {
        if (node instanceof TableCell cell && !cell.getSourceSpans().isEmpty()) {
            bare(cell.getSourceSpans().getFirst());
        }
        visitChildren(node);
    }

    /**
     * Whether the node is a heading, by markup (a setext heading's underline included) or as models write them (a
     * bold line, alone or over the section's first lines), and if so which section starts: the ones of advice hold no
     * evidence.
     */
    private boolean section(Node node) {
        List<SourceSpan> lines = node.getSourceSpans();
        if (lines.isEmpty()) {
            return false;
        }
        String source = node instanceof Heading ? markdown.substring(lines.getFirst().getInputIndex(), end(lines))
                : text(lines.getFirst());
        List<String> headings = ReportText.headings(source);
        if (node instanceof Heading || !headings.isEmpty()) {
            String heading = headings.isEmpty() ? "" : headings.getFirst();
            advice = ADVICE.stream().anyMatch(heading::startsWith);
            return true;
        }
        return false;
    }

    /** A block-quoted paragraph's lines that read as log lines; a line with code is left to its spans. */
    private void quotedLines(Paragraph paragraph) {
        for (SourceSpan line : paragraph.getSourceSpans()) {
            String text = text(line);
            if (text.indexOf('`') < 0) {
                int end = line.getInputIndex() + line.getLength();
                add(text.strip(), line.getInputIndex(), end, end, "");
            }
        }
    }

    /** Text in double quotes in prose that plainly is a log line, its mark after the closing quote. */
    private void doubleQuoted(SourceSpan line) {
        int offset = line.getInputIndex();
        Matcher m = DOUBLE_QUOTED.matcher(text(line));
        while (m.find()) {
            int at = offset + m.start();
            int end = offset + m.end();
            if (found.stream().noneMatch(c -> c.holds(at) || c.holds(end - 1))) {
                bare(m.group(1) != null ? m.group(1) : m.group(2), at, end);
            }
        }
    }

    private void bare(SourceSpan line) {
        String raw = text(line);
        int start = line.getInputIndex() + raw.length() - raw.stripLeading().length();
        bare(raw.strip(), start, start + raw.strip().length());
    }

    private void bare(String text, int start, int end) {
        boolean taken = found.stream().anyMatch(c -> c.holds(start));
        if (!advice && !taken && text.indexOf('`') < 0 && plainlyLogLine(text)) {
            found.add(new Code(text.strip(), start, end, end, true, false));
        }
    }

    private void block(List<SourceSpan> lines, int markAt, boolean indented) {
        List<int[]> ranges = lines.stream()
                .map(l -> new int[] {l.getInputIndex(), l.getInputIndex() + l.getLength()}).toList();
        closeBlock(ranges, markAt, indented);
    }

    private void closeBlock(List<int[]> lines, int markAt, boolean indented) {
        for (int[] line : lines) {
            String text = markdown.substring(line[0], line[1]).strip();
            if (!text.isEmpty()) {
                boolean log = indented ? plainlyLogLine(text) : readsAsLogLine(text, "");
                found.add(new Code(text, line[0], line[1], markAt, !advice && log, true));
            }
        }
    }

    private void add(String text, int start, int end, int markAt, String before) {
        found.add(new Code(text, start, end, markAt, !advice && readsAsLogLine(text, before), false));
    }

    private String text(SourceSpan span) {
        return markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength());
    }

    private static int end(List<SourceSpan> lines) {
        SourceSpan last = lines.getLast();
        return last.getInputIndex() + last.getLength();
    }

    private static boolean within(Node node, Class<? extends Node> kind) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (kind.isInstance(up)) {
                return true;
            }
        }
        return false;
    }

    /** Whether text outside code is a log line beyond doubt: it starts with its time and has a level or exception. */
    private static boolean plainlyLogLine(String text) {
        return text.split("\\s+").length >= 3 && LEADING_TIME.matcher(text).find()
                && (LEVEL.matcher(text).find() || EXCEPTION.matcher(text).find());
    }

    /**
     * Whether quoted text reads as a log line rather than a name, a setting or a command: it has a time, or is named
     * by its source and line, or has several words with a level or an exception.
     */
    static boolean readsAsLogLine(String text, String before) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        if (words >= 2 && (DATE_TIME.matcher(text).find() || CLOCK.matcher(text).find()
                || SOURCE.matcher(before).find())) {
            return true;
        }
        return words >= 3 && (LEVEL.matcher(text).find() || EXCEPTION.matcher(text).find());
    }
}
