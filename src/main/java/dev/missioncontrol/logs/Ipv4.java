package dev.missioncontrol.logs;

import java.util.function.Consumer;

/**
 * IPv4 addresses as log lines write them, for whoever reads addresses out of lines: analyze_logs' tally of the
 * addresses a template names and the analyst's check that a cause and its consequence name the same one.
 */
public final class Ipv4 {
    private Ipv4() {
    }

    /**
     * Each dotted quad in the text whose parts are 0 to 255 and which no word, dot or digit continues: not a version
     * such as 1.2.3.4.5 or a name such as ip-10-0-3-17. A scan rather than a pattern: it runs on every line.
     */
    public static void forEach(String text, Consumer<String> found) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || i > 0 && joined(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int end = quadEnd(text, i);
            if (end > 0 && (end == n || !joined(text.charAt(end)) && !dottedOn(text, end))) {
                found.accept(text.substring(i, end));
            }
            while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
        }
    }

    /** Where four dot-separated parts of 0 to 255 starting at {@code i} end, or -1. */
    private static int quadEnd(String text, int i) {
        int pos = i;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (pos >= text.length() || text.charAt(pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int start = pos;
            int value = 0;
            while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start < 3) {
                value = value * 10 + text.charAt(pos++) - '0';
            }
            if (pos == start || value > 255 || pos < text.length() && isDigit(text.charAt(pos))) {
                return -1;
            }
        }
        return pos;
    }

    /** A dot followed by a digit continues the number: a fifth part. A dot ending a sentence does not. */
    private static boolean dottedOn(String text, int end) {
        return text.charAt(end) == '.' && end + 1 < text.length() && isDigit(text.charAt(end + 1));
    }

    private static boolean joined(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
