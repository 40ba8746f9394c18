package dev.missioncontrol.client;

/**
 * Text from the server made safe to print on a terminal. Titles, timeline lines and reports quote logs, and a log line
 * can carry escape sequences that clear the screen, retitle the window or hide text; control characters (other than
 * new lines and tabs) and the bidirectional overrides that reorder what is shown are printed as visible marks instead.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t') {
                b.append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append('^').append((char) (c ^ 0x40)); // ESC prints as ^[, as terminals echo it
            } else if (c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
