package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.agent.Redactor;

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

    /**
     * A whole log line as a code span, kept verbatim so it can be found in the log. The fence is one backtick longer
     * than the longest run inside (CommonMark), so no backticks in the line can close the span early and let the rest
     * render as links, images or HTML; a space keeps a backtick at either end apart from the fence.
     */
    static String code(String text) {
        String one = text.replace('\n', ' ').replace('\r', ' ');
        String fence = "`".repeat(longestBacktickRun(one) + 1);
        String pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
        return fence + pad + one + pad + fence;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Text from logs or requests shown as prose: one line, cut, with the characters that start markup escaped. A
     * secret's mask stays as the redactor wrote it: escaped, the redactor would no longer know it when the report is
     * masked again, and would take the punctuation after it for the rest of the secret.
     */
    static String plain(String text, int chars) {
        return MARKUP.matcher(cut(text, chars)).replaceAll("\\\\$0").replace(ESCAPED_MASK, Redactor.MASK);
    }

    private static final String ESCAPED_MASK = Redactor.MASK.replace("[", "\\[").replace("]", "\\]");

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[\\\\`*_\\[\\]<>!&#|~]");

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
