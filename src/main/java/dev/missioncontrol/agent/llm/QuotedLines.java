package dev.missioncontrol.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The code in a report, and which of it quotes log lines: code spans, the lines of fenced, indented and
 * {@code <pre>} blocks, and block-quoted lines that read as log lines; and, outside code, table cells and
 * double-quoted text that plainly are log lines (a time first, then a level or an exception). Each knows where it
 * stands in the markdown and where a mark after it goes (after a block, never inside it). Quotes in Recommended
 * actions and Not checked are not evidence: a command such as {@code kubectl logs app | grep ERROR} there is advice,
 * and is not looked up.
 */
final class QuotedLines {
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

    private static final Set<String> ADVICE = Set.of("recommended actions", "not checked");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])\\d{2}:\\d{2}:\\d{2}(?![\\d:])");
    private static final Pattern LEVEL = Pattern.compile("\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL"
            + "|CRIT|CRITICAL|SEVERE|PANIC|EMERG|ALERT)\\b|level\"?\\s*[=:]");
    private static final Pattern EXCEPTION = Pattern.compile("\\b[\\w.$]*(Exception|Error)\\b");
    /** "context.logs line 12, …: `…`", the way the analyst and the tools name where a line came from. */
    private static final Pattern SOURCE = Pattern.compile("\\bline \\d|\\bcontext\\.\\w");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern PRE = Pattern.compile("^\\s{0,3}<pre[^>]*>");
    private static final String PRE_END = "</pre>";
    /**
     * A line of an indented code block: a list item indented as deep is no code, and text with code spans is a list
     * item's paragraph. Since a list item's paragraphs are indented too, only plain log lines count as quotes there.
     */
    private static final Pattern INDENTED = Pattern.compile("^( {4}|\\t)\\s*(?![-*+]\\s|\\d+[.)]\\s)[^`]+$");
    private static final Pattern LEADING_TIME = Pattern.compile(
            "^\\W{0,2}(\\d{4}-\\d{2}-\\d{2}[T ])?\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"([^\"]+)\"|“([^”]+)”");

    private final List<Code> found = new ArrayList<>();
    private final List<int[]> openBlock = new ArrayList<>();
    private String fence;
    private boolean advice;
    /** Where the last line ended, and whether it was blank: an indented block cannot interrupt a paragraph. */
    private int lastEnd;
    private boolean lastBlank = true;

    private QuotedLines() {
    }

    /** Every piece of code in the report, in order; those with {@link Code#quote()} quote log lines. */
    static List<Code> in(String markdown) {
        QuotedLines scan = new QuotedLines();
        int pos = 0;
        while (pos <= markdown.length()) {
            int nl = markdown.indexOf('\n', pos);
            int end = nl < 0 ? markdown.length() : nl;
            scan.line(markdown, pos, end);
            scan.lastEnd = end;
            scan.lastBlank = markdown.substring(pos, end).isBlank();
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        scan.closeIndented(markdown);
        return List.copyOf(scan.found);
    }

    static List<Code> quotes(String markdown) {
        return in(markdown).stream().filter(Code::quote).toList();
    }

    private void line(String md, int start, int end) {
        String line = md.substring(start, end);
        if (fence != null) {
            inBlock(md, start, end);
            return;
        }
        if (INDENTED.matcher(line).find() && (lastBlank || !openBlock.isEmpty())) {
            openBlock.add(new int[] {start, end});
            return;
        }
        closeIndented(md);
        var opening = FENCE.matcher(line);
        var pre = PRE.matcher(line);
        if (opening.find()) {
            fence = opening.group(1);
        } else if (pre.find()) {
            fence = PRE_END;
            inBlock(md, start + pre.end(), end);
        } else if (!ReportText.headings(line).isEmpty()) {
            String heading = ReportText.headings(line).get(0);
            advice = ADVICE.stream().anyMatch(heading::startsWith);
        } else if (line.stripLeading().startsWith(">") && line.indexOf('`') < 0) {
            int content = start + line.indexOf('>') + 1;
            add(md.substring(content, end).replaceFirst("^[>\\s]+", "").strip(), content, end, end, "");
        } else if (line.strip().startsWith("|")) {
            cells(line, start);
        } else {
            spans(line, start);
            doubleQuoted(line, start);
        }
    }

    /** A line within a fenced or pre block; the closing fence or tag ends the block. */
    private void inBlock(String md, int start, int end) {
        String line = md.substring(start, end);
        int close = fence.equals(PRE_END) ? line.indexOf(PRE_END) : line.strip().startsWith(fence) ? 0 : -1;
        if (close > 0 && !line.substring(0, close).isBlank()) {
            openBlock.add(new int[] {start, start + close});
        }
        if (close < 0) {
            openBlock.add(new int[] {start, end});
            return;
        }
        closeBlock(md, end, false);
        fence = null;
    }

    private void closeBlock(String md, int markAt, boolean indented) {
        for (int[] b : openBlock) {
            String text = md.substring(b[0], b[1]).strip();
            boolean log = indented ? plainlyLogLine(text) : readsAsLogLine(text, "");
            found.add(new Code(text, b[0], b[1], markAt, !advice && log, true));
        }
        openBlock.clear();
    }

    /** Ends an indented block before a line that is not part of it, its mark after its last line. */
    private void closeIndented(String md) {
        if (fence == null && !openBlock.isEmpty()) {
            closeBlock(md, lastEnd, true);
        }
    }

    /** A table row's cells that plainly are log lines; a cell that is a time or a number alone is none. */
    private void cells(String line, int offset) {
        int from = line.indexOf('|') + 1;
        for (int bar = line.indexOf('|', from); bar >= 0; from = bar + 1, bar = line.indexOf('|', from)) {
            String cell = line.substring(from, bar);
            int lead = cell.length() - cell.stripLeading().length();
            bare(cell.strip(), offset + from + lead, offset + from + lead + cell.strip().length());
        }
        spans(line, offset);
    }

    /** Text in double quotes in prose that plainly is a log line, its mark after the closing quote. */
    private void doubleQuoted(String line, int offset) {
        var m = DOUBLE_QUOTED.matcher(line);
        while (m.find()) {
            int at = offset + m.start();
            if (found.stream().noneMatch(c -> c.holds(at) || c.holds(offset + m.end() - 1))) {
                bare(m.group(1) != null ? m.group(1) : m.group(2), at, offset + m.end());
            }
        }
    }

    private void bare(String text, int start, int end) {
        if (!advice && text.indexOf('`') < 0 && plainlyLogLine(text)) {
            found.add(new Code(text.strip(), start, end, end, true, false));
        }
    }

    /** Whether text outside code is a log line beyond doubt: it starts with its time and has a level or exception. */
    private static boolean plainlyLogLine(String text) {
        return text.split("\\s+").length >= 3 && LEADING_TIME.matcher(text).find()
                && (LEVEL.matcher(text).find() || EXCEPTION.matcher(text).find());
    }

    /** Code spans as CommonMark reads them: a run of backticks closed by a run of the same length. */
    private void spans(String line, int offset) {
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = run(line, i);
            int close = closing(line, i + run, run);
            if (close < 0) {
                i += run;
                continue;
            }
            String content = line.substring(i + run, close);
            if (content.length() > 2 && content.startsWith(" ") && content.endsWith(" ")) {
                content = content.substring(1, content.length() - 1);
            }
            add(content, offset + i, offset + close + run, offset + close + run, line.substring(0, i));
            i = close + run;
        }
    }

    private void add(String text, int start, int end, int markAt, String before) {
        found.add(new Code(text, start, end, markAt, !advice && readsAsLogLine(text, before), false));
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

    private static int run(String s, int at) {
        int n = 0;
        while (at + n < s.length() && s.charAt(at + n) == '`') {
            n++;
        }
        return n;
    }

    private static int closing(String s, int from, int run) {
        int j = from;
        while (true) {
            int k = s.indexOf('`', j);
            if (k < 0) {
                return -1;
            }
            int r = run(s, k);
            if (r == run) {
                return k;
            }
            j = k + r;
        }
    }
}
