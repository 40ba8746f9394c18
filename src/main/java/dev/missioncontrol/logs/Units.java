package dev.missioncontrol.logs;

import java.util.Set;

/**
 * Abbreviated units of size and time that, written after a number, belong to that number's value. Spelled-out
 * units ({@code seconds}, {@code bytes}) stay words: messages often name them as part of the wording.
 */
final class Units {

    private static final Set<String> UNITS = Set.of(
            "b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "ns", "us", "µs", "ms", "%");
    private static final String PUNCTUATION = ",;:.)]}";

    private Units() {
    }

    static boolean isUnit(String token) {
        return UNITS.contains(core(token).toLowerCase(java.util.Locale.ROOT));
    }

    /** Punctuation that closes the unit, such as the comma in {@code KB,}: it stays in the template. */
    static String trailingPunctuation(String token) {
        return token.substring(core(token).length());
    }

    private static String core(String token) {
        int end = token.length();
        while (end > 0 && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }
}
