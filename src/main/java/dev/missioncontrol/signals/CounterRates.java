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

    /** What a counter's rate is judged as, so every report and verdict shows it is the rate: "rate(name)". */
    static String rateName(String name) {
        return "rate(" + name + ")";
    }

    /** The counter whose rate a metric of this name is; the name itself when it is no counter's rate. */
    static String counterOf(String name) {
        return name.startsWith("rate(") && name.endsWith(")") ? name.substring(5, name.length() - 1) : name;
    }

    /**
     * One series per metric from the series of each label set, oldest first: a counter's samples turned into its
     * rates first, each label set on its own (an instance's total says nothing of another's), then pooled like
     * other metrics' values. Points before {@code from} only served as the previous sample of a counter.
     */
    static List<Series> pooled(Collection<Series> perLabelSet, Instant from) {
        Map<String, List<Series.Point>> byName = new LinkedHashMap<>();
        for (Series s : perLabelSet) {
            boolean counter = isCounter(s.name());
            List<Series.Point> points = counter ? rates(s.points()) : s.points();
            byName.computeIfAbsent(counter ? rateName(s.name()) : s.name(), k -> new ArrayList<>())
                    .addAll(points.stream().filter(p -> !p.at().isBefore(from)).toList());
        }
        return byName.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue().stream()
                .sorted(Comparator.comparing(Series.Point::at)).toList())).toList();
    }

    /**
     * The per-second increase from each sample to the next, at the later one's time. A fall is a reset (the process
     * restarted and counted again from zero), as Prometheus' rate() reads one: the increase is then the new value.
     * A sample at the same moment as the one before (pushed twice) has no time to divide by and is passed over.
     */
    static List<Series.Point> rates(List<Series.Point> counter) {
        List<Series.Point> out = new ArrayList<>();
        for (int i = 1; i < counter.size(); i++) {
            Series.Point before = counter.get(i - 1);
            Series.Point now = counter.get(i);
            double seconds = Duration.between(before.at(), now.at()).toNanos() / 1e9;
            if (seconds <= 0) {
                continue;
            }
            double increase = now.value() >= before.value() ? now.value() - before.value() : now.value();
            out.add(new Series.Point(now.at(), increase / seconds));
        }
        return out;
    }
}
