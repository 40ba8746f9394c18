package dev.missioncontrol.tools.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The IPv4 addresses a template's lines name most, for the person who must block a brute force's sources or find
 * the client or upstream behind a run of errors: the miner masks them as {@code <*>} and a quote shows one line.
 * Bounded: at most {@link #CAPACITY} addresses are counted per template; a new one then takes the place of the least
 * counted and inherits its count, so an address that fills most lines still rises to the top, and a count is at
 * most that many lines too high (the space-saving method of Metwally, Agrawal and El Abbadi, ICDT 2005).
 */
public final class AddressTally {
    static final int CAPACITY = 32;

    /** The address and the lines that named it; {@code over} bounds how many of those lines are another's. */
    public record Count(String address, long lines, long over) {
    }

    private final Map<String, long[]> counts = new HashMap<>();

    void count(String address) {
        long[] c = counts.get(address);
        if (c != null) {
            c[0]++;
            return;
        }
        if (counts.size() < CAPACITY) {
            counts.put(address, new long[] {1, 0});
            return;
        }
        Map.Entry<String, long[]> least = counts.entrySet().stream()
                .min(Comparator.comparingLong(e -> e.getValue()[0])).orElseThrow();
        counts.remove(least.getKey());
        long floor = least.getValue()[0];
        counts.put(address, new long[] {floor + 1, floor});
    }

    /** The most named addresses, most first, each named by at least two lines. */
    List<Count> top(int n) {
        List<Count> out = new ArrayList<>();
        counts.forEach((a, c) -> out.add(new Count(a, c[0], c[1])));
        return out.stream().filter(c -> c.lines() - c.over() >= 2)
                .sorted(Comparator.comparingLong(Count::lines).reversed().thenComparing(Count::address))
                .limit(n).toList();
    }

    /**
     * Each dotted quad in the text whose parts are 0 to 255 and which no word, dot or digit continues: not a version
     * such as 1.2.3.4.5 or a name such as ip-10-0-3-17. A scan rather than a pattern: it runs on every line.
     */
    static void forEachAddress(String text, Consumer<String> found) {
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
