package dev.missioncontrol.sessions;

import dev.missioncontrol.agent.Redactor;

/**
 * A session's title as lists, tab titles and command lines show it to every member: one line, its secrets masked, and
 * no control characters, which a terminal printing the title (the Cased CLI lists sessions by it) would obey as
 * escape sequences.
 */
public final class SessionTitle {
    private SessionTitle() {
    }

    /**
     * {@code line} made safe to show, or {@code fallback} when nothing visible is left; masked before anything is
     * cut, so a cut cannot split a secret from its name. Control and format characters go: C0 and C1 controls (a
     * single-character CSI is one), bidi overrides that reorder what a reader sees, and line separators.
     */
    public static String of(String line, String fallback) {
        StringBuilder shown = new StringBuilder();
        Redactor.redact(line).codePoints().forEach(c -> shown.appendCodePoint(visible(c) ? c : ' '));
        String title = shown.toString().strip();
        return title.isEmpty() ? fallback : title;
    }

    private static boolean visible(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
