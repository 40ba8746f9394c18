package dev.missioncontrol.tools.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
}
