package dev.missioncontrol.monitor;

import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * One comparison of a baseline with a current window: the Mann-Whitney p-value, the effect (the
 * Hodges-Lehmann shift, or for {@link FoundBy#EXTREMES} how far past the baseline's extreme the
 * current window went) and whether the move counts once the allowed-change bounds are applied.
 */
record Comparison(double pValue, double effect, Outcome outcome, FoundBy foundBy, EarlierWindows earlier) {

    Comparison(double pValue, double effect, Outcome outcome, FoundBy foundBy) {
        this(pValue, effect, outcome, foundBy, null);
    }

    /** 98 % confidence. */
    static final double ALPHA = 0.02;

    /**
     * Two-sided, by the normal approximation with its variance corrected for ties. Without the correction a window
     * of zeros before the deploy (an error counter) ties with every zero after it, the variance is overstated, and
     * errors on a third of the samples after a deploy read p = 0.06 instead of 0.004. No continuity correction,
     * and no exact p-value for small windows, so that untied samples get the p-values the bounds were set with.
     */
    private static final MannWhitneyUTest RANK_TEST = MannWhitneyUTest.withDefaults()
            .with(PValueMethod.ASYMPTOTIC).with(ContinuityCorrection.DISABLED);

    /** The rank test's p-value; 1 when both windows hold one and the same value, which no test can tell apart. */
    static double pValue(double[] before, double[] after) {
        double p = RANK_TEST.test(before, after).getPValue();
        return Double.isNaN(p) ? 1 : p;
    }

    /**
     * The smallest p-value the rank test gives for windows of these sizes: every sample after the deploy above every
     * sample before it, none tied. Three samples a side give 0.0495, four 0.0209, three and six 0.0201: no move
     * however large reaches {@link #ALPHA} there. Windows of one repeated value each can go lower (four zeros, then
     * four fives: 0.008), and such a move is found, but whether a pass means anything cannot hang on ties.
     */
    static double smallestPValue(int before, int after) {
        double[] low = IntStream.range(0, before).asDoubleStream().toArray();
        double[] high = IntStream.range(before, before + after).asDoubleStream().toArray();
        return pValue(low, high);
    }

    boolean changed() {
        return outcome != Outcome.PASS;
    }

    /**
     * The current window against the window just before the deploy. A move within rounding is none: the rank test
     * ranks 0.010000000000000014 above 0.01, and a window without spread makes any move infinitely many spreads.
     */
    static Comparison ofLevels(double[] baseline, double[] current, AllowedChange bounds) {
        return ofLevels(baseline, current, baseline, bounds);
    }

    /** As {@link #ofLevels(double[], double[], AllowedChange)}, the move held to the spread of {@code spreadOf}. */
    static Comparison ofLevels(double[] baseline, double[] current, double[] spreadOf, AllowedChange bounds) {
        double pValue = pValue(baseline, current);
        double effect = HodgesLehmann.shift(baseline, current);
        double baselineMean = SampleStats.mean(baseline);
        double meanShift = SampleStats.mean(current) - baselineMean;
        boolean changed = pValue < ALPHA && agree(effect, meanShift)
                && Math.max(Math.abs(effect), Math.abs(meanShift)) > SampleStats.rounding(baseline, current)
                && bounds.exceededBy(spreadOf, effect, baselineMean, baselineMean + meanShift);
        return new Comparison(pValue, effect, changed ? movement(effect, meanShift) : Outcome.PASS, FoundBy.LEVELS);
    }

    /**
     * Both windows with last week's samples at the same moments taken away, so a daily or weekly
     * rhythm cancels out: what is left before the deploy is the metric's ordinary deviation from
     * last week, and the deploy counts only if it deviates well beyond that.
     */
    static Comparison ofWeekOnWeek(MetricSamples samples, AllowedChange bounds) {
        WeekEarlier week = samples.weekEarlier();
        double[] before = WeekEarlier.netBefore(samples.baseline(), week.baseline());
        double[] after = WeekEarlier.netAfter(samples.current(), week.current());
        double pValue = pValue(before, after);
        double effect = HodgesLehmann.shift(before, after);
        double level = Math.abs(SampleStats.mean(samples.baseline()));
        boolean changed = pValue < ALPHA && Math.abs(effect) > SampleStats.rounding(samples.baseline(),
                samples.current(), week.baseline(), week.current()) && bounds.exceededWeekOnWeek(before, effect, level);
        return new Comparison(pValue, effect, changed ? movement(effect, effect) : Outcome.PASS,
                FoundBy.WEEK_ON_WEEK);
    }

    /**
     * Whether the current window went far outside everything the baseline held: at least
     * {@link AllowedChange#EXTREME_SAMPLES} samples beyond the baseline's highest (or lowest) value by
     * more than the baseline's whole range times {@code bounds.extremeRanges()}. A rank test on the
     * whole window misses a few bad minutes in half an hour (latency spikes, a burst of errors); this
     * does not, and because the bar is the baseline's own range it rises with a metric's usual
     * spikes. A baseline that is mostly one value (a counter at zero with a rare burst), give or take
     * rounding, has no range worth the name, so it is left to the rank test.
     */
    static Comparison ofExtremes(MetricSamples samples, double pValue, AllowedChange bounds) {
        if (samples.baseline().length < AllowedChange.EXTREME_BASELINE
                || SampleStats.robustSpread(samples.baseline()) <= SampleStats.rounding(samples.baseline())
                || samples.current().length < AllowedChange.EXTREME_SAMPLES) {
            return new Comparison(pValue, 0, Outcome.PASS, FoundBy.EXTREMES);
        }
        double[] before = SampleStats.sorted(samples.baseline());
        double lowest = before[0];
        double highest = before[before.length - 1];
        return samplesBeyond(samples, lowest, highest, bounds.extremeRanges() * (highest - lowest), FoundBy.EXTREMES,
                pValue);
    }

    /**
     * Whether the current window went beyond the band [lowest, highest] by more than {@code bar}, and which way:
     * {@code reachedHigh} and {@code reachedLow} are how high and how low the window went, as the caller measures
     * it. When the window broke out both ways, the way that is bad for the metric is the one reported. A window
     * past the band by no more than rounding went nowhere, however narrow the band and its bar.
     */
    static Comparison breakout(Direction direction, double reachedHigh, double reachedLow, double lowest,
            double highest, double bar, FoundBy foundBy, double pValue) {
        double above = reachedHigh - highest;
        double below = lowest - reachedLow;
        boolean high = above > bar && !SampleStats.withinRounding(reachedHigh, highest);
        boolean low = below > bar && !SampleStats.withinRounding(reachedLow, lowest);
        if (high && low) {
            high = direction.upIsBad() != direction.downIsBad() ? direction.upIsBad() : above >= below;
        }
        if (high) {
            return new Comparison(pValue, above, Outcome.HIGH, foundBy);
        }
        return new Comparison(pValue, low ? -below : 0, low ? Outcome.LOW : Outcome.PASS, foundBy);
    }

    /**
     * The breakout of the window's kth highest and lowest samples: k is {@value AllowedChange#EXTREME_SAMPLES}, or one
     * for a {@link FoundBy#SPIKE}.
     */
    static Comparison samplesBeyond(MetricSamples samples, double lowest, double highest, double bar,
            FoundBy foundBy, double pValue) {
        int k = samplesNeeded(foundBy);
        double[] after = SampleStats.sorted(samples.current());
        return breakout(samples.direction(), after[after.length - k], after[k - 1], lowest, highest, bar, foundBy,
                pValue);
    }

    /** How many samples must go beyond the bar for a comparison on samples to find a change. */
    static int samplesNeeded(FoundBy foundBy) {
        return foundBy == FoundBy.SPIKE ? 1 : AllowedChange.EXTREME_SAMPLES;
    }

    /** The kth highest value ({@code up}), or the negated kth lowest. */
    private static double reached(double[] current, boolean up, int k) {
        double[] after = SampleStats.sorted(current);
        return up ? after[after.length - k] : -after[k - 1];
    }

    /**
     * How large this comparison's move would be between two other windows, in the direction it found and in the
     * metric's own units: for levels the larger of the median's and the mean's shift; for extremes and records how
     * high (or low) the window's {@value AllowedChange#EXTREME_SAMPLES}th most extreme sample went, for a spike its
     * most extreme sample; for sustained records how high (or low) the median of its most extreme stretch went.
     * Earlier windows measured so tell whether the move is ordinary for the metric. Units, not baseline spreads: a
     * window of zeros has no spread, so an error counter's single error and its flood would both be infinitely many
     * spreads. Extremes by the value reached, not by the distance past the window before: a metric that swings
     * between 1 and 4 every few minutes reaching 2 is ordinary, even when the minutes before the deploy happened to
     * sit at 1.
     */
    double sizeOf(double[] baseline, double[] current) {
        boolean up = outcome != Outcome.LOW;
        if (foundBy == FoundBy.EXTREMES || foundBy == FoundBy.RECORD || foundBy == FoundBy.SPIKE) {
            int k = samplesNeeded(foundBy);
            return current.length >= k ? reached(current, up, k) : Double.NEGATIVE_INFINITY;
        }
        if (foundBy == FoundBy.SUSTAINED) {
            return Records.stretchReached(current, up);
        }
        double toward = up ? 1 : -1;
        return Math.max(toward * (SampleStats.median(current) - SampleStats.median(baseline)),
                toward * (SampleStats.mean(current) - SampleStats.mean(baseline)));
    }

    /** This comparison with its figures, its move held to be within bounds. */
    Comparison passing() {
        return new Comparison(pValue, effect, Outcome.PASS, foundBy, earlier);
    }

    /** This comparison with what the earlier windows showed, a pass where they make its move ordinary. */
    Comparison weighedBy(EarlierWindows earlier) {
        return earlier.explains() ? with(earlier).passing() : with(earlier);
    }

    /** This comparison with what the earlier windows showed. */
    Comparison with(EarlierWindows measured) {
        return new Comparison(pValue, effect, outcome, foundBy, measured);
    }

    /**
     * A typical sample moving one way while the mean moves the other is a change of shape (a few
     * outliers gone, the bulk a little higher), not a regression one could call high or low.
     */
    private static boolean agree(double effect, double meanShift) {
        return effect == 0 || Math.signum(effect) == Math.signum(meanShift);
    }

    /** The direction of the move: the median shift decides, the mean breaks a tie at zero. */
    private static Outcome movement(double effect, double meanShift) {
        double sign = effect != 0 ? effect : meanShift;
        return sign > 0 ? Outcome.HIGH : Outcome.LOW;
    }
}
