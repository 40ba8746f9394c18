package dev.missioncontrol.monitor;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/** The few summary statistics the judge needs, over one window of samples. */
final class SampleStats {

    /** Scales the median absolute deviation to estimate a standard deviation for normal data. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /**
     * The share of two values' magnitude by which rounding alone can set them apart. A double holds about 16
     * significant digits, and the rates, ratios and sums a metric goes through lose a few of them (an error ratio of
     * exactly 0.01 arrives as 0.009999999999999998 and as 0.010000000000000014; summing a million values can cost
     * six digits): nine digits stay well clear of that, and a change of a billionth is one nobody acts on.
     */
    static final double ROUNDING = 1e-9;

    private SampleStats() {
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static double median(double[] values) {
        return medianOfSorted(sorted(values));
    }

    static double standardDeviation(double[] values) {
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / Math.max(1, values.length - 1));
    }

    /** A spread that a few wild samples cannot inflate: the scaled median absolute deviation. */
    static double robustSpread(double[] values) {
        double median = median(values);
        double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        return MAD_TO_SIGMA * median(deviations);
    }

    /** The largest difference rounding can make between values of these windows, by their largest magnitude. */
    static double rounding(double[]... windows) {
        return ROUNDING * Stream.of(windows).flatMapToDouble(DoubleStream::of).map(Math::abs).max().orElse(0);
    }

    /** Whether two values differ by no more than rounding can make them differ. */
    static boolean withinRounding(double a, double b) {
        return Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b));
    }

    static double medianOfSorted(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
