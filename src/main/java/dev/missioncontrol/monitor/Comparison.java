package dev.missioncontrol.monitor;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * One rank comparison of a baseline with a current window: the Mann-Whitney p-value, the
 * Hodges-Lehmann shift and whether the move counts once the allowed-change bounds are applied.
 */
record Comparison(double pValue, double effect, Outcome outcome) {

    /** 98 % confidence. */
    static final double ALPHA = 0.02;

    boolean changed() {
        return outcome != Outcome.PASS;
    }

    /** The current window against the window just before the deploy. */
    static Comparison ofLevels(double[] baseline, double[] current, AllowedChange bounds) {
        double pValue = new MannWhitneyUTest().mannWhitneyUTest(baseline, current);
        double effect = HodgesLehmann.shift(baseline, current);
        double baselineMean = SampleStats.mean(baseline);
        double meanShift = SampleStats.mean(current) - baselineMean;
        boolean changed = pValue < ALPHA && agree(effect, meanShift)
                && bounds.exceededBy(baseline, effect, baselineMean, baselineMean + meanShift);
        return new Comparison(pValue, effect, changed ? movement(effect, meanShift) : Outcome.PASS);
    }

    /**
     * Both windows with last week's samples at the same moments taken away, so a daily or weekly
     * rhythm cancels out: what is left before the deploy is the metric's ordinary deviation from
     * last week, and the deploy counts only if it deviates well beyond that.
     */
    static Comparison ofWeekOnWeek(MetricSamples samples, AllowedChange bounds) {
        WeekEarlier week = samples.weekEarlier();
        double[] before = WeekEarlier.residuals(samples.baseline(), week.baseline());
        double[] after = WeekEarlier.residuals(samples.current(), week.current());
        double pValue = new MannWhitneyUTest().mannWhitneyUTest(before, after);
        double effect = HodgesLehmann.shift(before, after);
        double level = Math.abs(SampleStats.mean(samples.baseline()));
        boolean changed = pValue < ALPHA && bounds.exceededWeekOnWeek(before, effect, level);
        return new Comparison(pValue, effect, changed ? movement(effect, effect) : Outcome.PASS);
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
