package dev.missioncontrol.monitor;

import java.util.Arrays;

/** The few summary statistics the judge needs, over one window of samples. */
final class SampleStats {

    /** Scales the median absolute deviation to estimate a standard deviation for normal data. */
    private static final double MAD_TO_SIGMA = 1.4826;

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
