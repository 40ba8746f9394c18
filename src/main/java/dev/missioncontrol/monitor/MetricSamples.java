package dev.missioncontrol.monitor;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * One metric's samples on both sides of a deploy: the input of a comparison.
 *
 * @param critical    a failure of this metric alone makes the deploy degraded, whatever the score
 * @param weekEarlier the same windows a week earlier, or null where that data does not exist
 * @param history     the samples before the baseline window, oldest first and ending where it begins; empty when
 *                    unknown. They show how much the metric moves between ordinary windows ({@link EarlierWindows}).
 * @param infinite    how many samples were infinite in the metric's bad direction, which no other figure holds
 */
public record MetricSamples(String name, double[] baseline, double[] current, Direction direction, boolean critical,
                            WeekEarlier weekEarlier, double[] history, Infinite infinite) {

    private static final double[] NONE = new double[0];

    /**
     * Samples a source gave as infinite in the metric's bad direction (+Inf for a metric worse when it rises), left
     * out of every window since no statistic can use them: {@code before} in the history and the baseline; since the
     * deploy, {@code rising} +Inf and {@code falling} -Inf, each counted only where that way is bad. A ratio whose
     * divisor fell to zero (errors / successes, when nothing succeeds) is such a metric in a total outage.
     */
    public record Infinite(int before, int rising, int falling) {
        public static final Infinite NONE = new Infinite(0, 0, 0);

        /** Counts the infinite samples before and since the deploy that are bad for a metric going {@code bad}. */
        public static Infinite of(Direction bad, double[] before, double[] since) {
            return new Infinite(badOnes(bad, before), bad != Direction.DECREASE ? count(since,
                    Double.POSITIVE_INFINITY) : 0, bad != Direction.INCREASE ? count(since, Double.NEGATIVE_INFINITY) : 0);
        }

        /** These counts with {@code earlier}'s bad infinite samples (the history's) known before the deploy too. */
        public Infinite withEarlier(Direction bad, double[] earlier) {
            return new Infinite(before + badOnes(bad, earlier), rising, falling);
        }

        private static int badOnes(Direction bad, double[] values) {
            return (bad != Direction.DECREASE ? count(values, Double.POSITIVE_INFINITY) : 0)
                    + (bad != Direction.INCREASE ? count(values, Double.NEGATIVE_INFINITY) : 0);
        }

        private static int count(double[] values, double infinity) {
            return (int) DoubleStream.of(values).filter(v -> v == infinity).count();
        }
    }

    public MetricSamples {
        history = history == null ? NONE : history;
        infinite = infinite == null ? Infinite.NONE : infinite;
    }

    /** Samples without a week-earlier baseline or history. */
    public MetricSamples(String name, double[] baseline, double[] current, Direction direction, boolean critical) {
        this(name, baseline, current, direction, critical, null, NONE, Infinite.NONE);
    }

    /** Samples whose direction is guessed from the name and which are not critical. */
    public static MetricSamples of(String name, double[] baseline, double[] current) {
        return new MetricSamples(name, baseline, current, Direction.forMetric(name), false);
    }

    /** These samples, also compared with the same windows a week earlier. */
    public MetricSamples withWeekEarlier(double[] weekEarlierBaseline, double[] weekEarlierCurrent) {
        return new MetricSamples(name, baseline, current, direction, critical,
                new WeekEarlier(weekEarlierBaseline, weekEarlierCurrent), history, infinite);
    }

    /**
     * These samples with the history a week before their own history, where the week-earlier windows are known.
     */
    public MetricSamples withWeekEarlierHistory(double[] weekEarlierHistory) {
        return weekEarlier == null ? this : new MetricSamples(name, baseline, current, direction, critical,
                new WeekEarlier(weekEarlier.baseline(), weekEarlier.current(), weekEarlierHistory), history, infinite);
    }

    /**
     * The same windows a week earlier where they pair up with these ({@link WeekEarlier#pairsWith}); null where they
     * are missing or were sampled at another rate.
     */
    WeekEarlier pairedWeekEarlier() {
        return weekEarlier != null && weekEarlier.pairsWith(baseline, current) ? weekEarlier : null;
    }

    /** The largest magnitude among all these samples, last week's included; 0 when there are none. */
    double magnitude() {
        Stream<double[]> lastWeek = weekEarlier == null ? Stream.empty()
                : Stream.of(weekEarlier.baseline(), weekEarlier.current(), weekEarlier.history());
        return Stream.concat(Stream.of(baseline, current, history), lastWeek).filter(Objects::nonNull)
                .flatMapToDouble(DoubleStream::of).map(Math::abs).max().orElse(0);
    }

    /** These samples, last week's included, each multiplied by two to the power {@code exponent}. */
    MetricSamples scaledBy(int exponent) {
        WeekEarlier week = weekEarlier == null ? null : new WeekEarlier(scaled(weekEarlier.baseline(), exponent),
                scaled(weekEarlier.current(), exponent), scaled(weekEarlier.history(), exponent));
        return new MetricSamples(name, scaled(baseline, exponent), scaled(current, exponent), direction, critical,
                week, scaled(history, exponent), infinite);
    }

    private static double[] scaled(double[] values, int exponent) {
        return values == null ? null : DoubleStream.of(values).map(v -> Math.scalb(v, exponent)).toArray();
    }

    /** Everything known before the deploy: the history followed by the baseline window, oldest first. */
    double[] before() {
        return joined(history, baseline);
    }

    /** The first samples followed by the second. */
    static double[] joined(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** These samples with the ones before the baseline window. */
    public MetricSamples withHistory(double[] before) {
        return new MetricSamples(name, baseline, current, direction, critical, weekEarlier, before, infinite);
    }

    /** These samples with the count of those a source gave as infinite in the metric's bad direction. */
    public MetricSamples withInfinite(Infinite counted) {
        return new MetricSamples(name, baseline, current, direction, critical, weekEarlier, history, counted);
    }
}
