package dev.missioncontrol.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pushed counters judged as what they count per second. A counter's value is a running total that only grows, so
 * its raw samples after a deploy are higher than before it whatever the service does: a steady 2 errors a second
 * read as a regression, and five times as many errors as a 5 % rise. A name Prometheus gives counters
 * ({@code _total}, and a summary's or histogram's {@code _count} and {@code _sum}) marks one.
 */
final class CounterRates {
    /** How far before a window a counter's previous sample is looked for, so its first sample has a rate too. */
    static final Duration LOOKBACK = Duration.ofMinutes(5);
    private static final Pattern COUNTER = Pattern.compile(".+_(total|count|sum)");

    private CounterRates() {
    }

    static boolean isCounter(String name) {
        return COUNTER.matcher(name).matches();
    }

    /** A counter that only counts, so never holds a negative value; a {@code _sum} adds what may be negative. */
    static boolean countsUp(String name) {
        return isCounter(name) && !name.endsWith("_sum");
    }

    /** What a counter's rate is judged as, so every report and verdict shows it is the rate: "rate(name)". */
    static String rateName(String name) {
        return "rate(" + name + ")";
    }

    /** The counter whose rate a metric of this name is; the name itself when it is no counter's rate. */
    static String counterOf(String name) {
        return name.startsWith("rate(") && name.endsWith(")") ? name.substring(5, name.length() - 1) : name;
    }

    /**
     * One series per metric from the series of each label set, oldest first. A counter becomes the service's rate
     * ({@link ServiceRate}): its label sets' rates summed, since a pod's share of the traffic is no measure of the
     * service's. A gauge's label sets are pooled like samples of one thing: a per-pod latency or queue depth is judged
     * as the spread of the pods' values, which a scale-out leaves alone. Points before {@code from} only served as the
     * previous sample of a counter.
     */
    static List<Series> pooled(Collection<Series> perLabelSet, Instant from) {
        Map<String, List<List<Series.Point>>> byName = new LinkedHashMap<>();
        perLabelSet.forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.points()));
        return byName.entrySet().stream().map(e -> isCounter(e.getKey())
                ? new Series(rateName(e.getKey()), ServiceRate.of(e.getValue(), from))
                : new Series(e.getKey(), e.getValue().stream().flatMap(List::stream)
                        .filter(p -> !p.at().isBefore(from)).sorted(Comparator.comparing(Series.Point::at)).toList()))
                .toList();
    }
}
