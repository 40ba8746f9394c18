package dev.missioncontrol.monitor;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * Comparisons against everything known of the metric before the deploy rather than the window just before it: the
 * history, the baseline, and last week's same hours after the deploy's moment where those pair up. The extremes
 * comparison's bar is the window before the deploy, so a metric with wide daily swings hides a spike as high as its
 * busiest hour; against the whole day that spike stands out. Last week's same hours count as known: a peak the
 * metric reaches every Monday at nine is no record on a Monday at nine, though the day before was a quiet Sunday.
 * A span whose values never varied, give or take rounding, has no range to measure against and is left to the other
 * comparisons.
 */
final class Records {

    /**
     * Stretches are this share of the window: at the default schedule's last check, about four minutes of a
     * 30-minute bake. Shorter, a stretch is a few samples, which the record on samples already covers.
     */
    static final int STRETCHES_PER_WINDOW = 8;
    /** Stretches start every quarter stretch, as earlier window pairs start every quarter window. */
    private static final int STARTS_PER_STRETCH = 4;

    private final MetricSamples samples;
    /** The spans known before the deploy, kept apart so that no stretch spans the seam between them. */
    private final double[][] known;
    private final double lowest;
    private final double highest;

    private Records(MetricSamples samples, double[][] known) {
        this.samples = samples;
        this.known = known;
        DoubleSummaryStatistics span = Stream.of(known).flatMapToDouble(DoubleStream::of).summaryStatistics();
        this.lowest = span.getMin();
        this.highest = span.getMax();
    }

    /**
     * The comparisons of these samples against everything known before the deploy: the history with the baseline,
     * and last week's same hours after the deploy moment where they pair up. Built once per judgement, so that the
     * known span is gathered and measured once for all three.
     */
    static Records of(MetricSamples samples) {
        WeekEarlier week = samples.pairedWeekEarlier();
        double[] lastWeek = week != null ? week.current() : new double[0];
        return new Records(samples, new double[][] {samples.before(), lastWeek});
    }

    /**
     * A record: at least {@link AllowedChange#EXTREME_SAMPLES} samples after the deploy past the highest (or lowest)
     * value known before it by more than {@code bounds.recordRanges()} of the known span's range.
     */
    Comparison record(double pValue, AllowedChange bounds) {
        return beyondKnown(bounds.recordRanges(), FoundBy.RECORD, pValue);
    }

    /**
     * A spike: one sample after the deploy past the highest (or lowest) value known before it by more than
     * {@code bounds.spikeRanges()} of the known span's range. A bad deploy's first errors, or its slowest requests,
     * are often a single scrape; the record's second sample would wait for more of them.
     */
    Comparison spike(double pValue, AllowedChange bounds) {
        return beyondKnown(bounds.spikeRanges(), FoundBy.SPIKE, pValue);
    }

    /** Enough samples (as {@code foundBy} needs) past the known span by more than {@code ranges} of its range. */
    private Comparison beyondKnown(double ranges, FoundBy foundBy, double pValue) {
        if (samples.history().length == 0 || SampleStats.withinRounding(lowest, highest)
                || samples.current().length < Comparison.samplesNeeded(foundBy)) {
            return new Comparison(pValue, 0, Outcome.PASS, foundBy);
        }
        return Comparison.samplesBeyond(samples, lowest, highest, ranges * (highest - lowest), foundBy, pValue);
    }

    /**
     * A sustained record: a stretch of an eighth of the window after the deploy whose median lies beyond the median
     * of every such stretch known before it, by more than {@code bounds.sustainedRanges()} of their range. It finds
     * a few minutes of errors or slowness in the middle of the bake that the minutes after them dilute by the last
     * check, and that never reach the single-sample highs of the metric's usual spikes.
     */
    Comparison sustained(double pValue, AllowedChange bounds) {
        double[] current = samples.current();
        int length = stretchLength(current.length);
        double[] medians = Stream.of(known).map(span -> stretchMedians(span, length))
                .flatMapToDouble(DoubleStream::of).toArray();
        Comparison none = new Comparison(pValue, 0, Outcome.PASS, FoundBy.SUSTAINED);
        if (samples.history().length == 0 || current.length < length || medians.length < 2) {
            return none;
        }
        double low = SampleStats.min(medians);
        double high = SampleStats.max(medians);
        if (SampleStats.withinRounding(low, high)) {
            return none;
        }
        double[] after = stretchMedians(current, length);
        return Comparison.breakout(samples.direction(), SampleStats.max(after), SampleStats.min(after), low, high,
                bounds.sustainedRanges() * (high - low), FoundBy.SUSTAINED, pValue);
    }

    /** How high ({@code up}) or low the median of the window's most extreme stretch went. */
    static double stretchReached(double[] window, boolean up) {
        double[] medians = stretchMedians(window, stretchLength(window.length));
        if (medians.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return up ? SampleStats.max(medians) : -SampleStats.min(medians);
    }

    /** An eighth of the window, and never fewer samples than a median needs to outvote one wild sample. */
    static int stretchLength(int window) {
        return Math.max(MetricJudgement.MIN_SAMPLES, Math.round(window / (float) STRETCHES_PER_WINDOW));
    }

    /** The median of every stretch of {@code length} samples, starting every quarter stretch. */
    private static double[] stretchMedians(double[] values, int length) {
        int stride = Math.max(1, length / STARTS_PER_STRETCH);
        int count = values.length < length ? 0 : (values.length - length) / stride + 1;
        double[] medians = new double[count];
        for (int i = 0; i < count; i++) {
            medians[i] = SampleStats.median(Arrays.copyOfRange(values, i * stride, i * stride + length));
        }
        return medians;
    }
}
