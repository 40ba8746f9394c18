package dev.missioncontrol.agent.analyst;

/** Markdown pieces of the report: code spans that survive any log line, and quoted evidence. */
final class Markdown {
    static final int INLINE_CHARS = 200;

    private Markdown() {
    }

    /** "1 event", "5 events". */
    static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Text for inside a short code span: one line, no backticks, cut. */
    static String inline(String text) {
        return cut(text, INLINE_CHARS);
    }

    static String cut(String text, int chars) {
        String one = text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
        return one.length() <= chars ? one : one.substring(0, chars) + "…";
    }

    /** A whole log line as a code span, kept verbatim so it can be found in the log. */
    static String code(String text) {
        String one = text.replace('\n', ' ').replace('\r', ' ');
        return one.indexOf('`') < 0 ? "`" + one + "`" : "`` " + one + " ``";
    }

    /** "- context.logs line 12, 2025-06-20T10:37:30.113Z: `…`" */
    static String quote(Quote q) {
        StringBuilder b = new StringBuilder("- ").append(q.source());
        if (q.line() > 0) {
            b.append(" line ").append(q.line());
        }
        if (q.at() != null) {
            b.append(", ").append(q.at());
        }
        return b.append(": ").append(code(q.text())).toString();
    }
}
