package dev.missioncontrol.agent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The code in a report, and which of it quotes log lines: code spans, the lines of fenced blocks, and block-quoted
 * lines that read as log lines. Each knows where it stands in the markdown and where a mark after it goes (after a
 * fenced block's closing fence, never inside the block). Quotes in Recommended actions and Not checked are not
 * evidence: a command such as {@code kubectl logs app | grep ERROR} there is advice, and is not looked up.
 */
final class QuotedLines {
    /**
     * A piece of code or a quoted line.
     *
     * @param markAt where a mark about it goes: right after a span, after the closing fence of a block
     * @param quote  whether it reads as a log line in a section that holds evidence
     */
    record Code(String text, int start, int end, int markAt, boolean quote) {
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

    private final List<Code> found = new ArrayList<>();
    private final List<int[]> openBlock = new ArrayList<>();
    private String fence;
    private boolean advice;

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
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return List.copyOf(scan.found);
    }

    static List<Code> quotes(String markdown) {
        return in(markdown).stream().filter(Code::quote).toList();
    }

    private void line(String md, int start, int end) {
        String line = md.substring(start, end);
        var opening = FENCE.matcher(line);
        if (fence != null) {
            if (line.strip().startsWith(fence)) {
                openBlock.forEach(b -> add(md.substring(b[0], b[1]).strip(), b[0], b[1], end, ""));
                openBlock.clear();
                fence = null;
            } else {
                openBlock.add(new int[] {start, end});
            }
        } else if (opening.find()) {
            fence = opening.group(1);
        } else if (!ReportText.headings(line).isEmpty()) {
            String heading = ReportText.headings(line).get(0);
            advice = ADVICE.stream().anyMatch(heading::startsWith);
        } else if (line.stripLeading().startsWith(">") && line.indexOf('`') < 0) {
            int content = start + line.indexOf('>') + 1;
            add(md.substring(content, end).replaceFirst("^[>\\s]+", "").strip(), content, end, end, "");
        } else {
            spans(line, start);
        }
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
        found.add(new Code(text, start, end, markAt, !advice && readsAsLogLine(text, before)));
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
