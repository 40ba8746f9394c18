package dev.missioncontrol.monitor;

import java.util.Arrays;

/**
 * The Hodges-Lehmann shift estimate that goes with the Mann-Whitney U test: the median of all
 * pairwise differences current - baseline.
 */
final class HodgesLehmann {

    /**
     * Beyond this many samples per side, an evenly strided subsample stands in for the window: a
     * million differences estimate the median finely, and the full product of two large windows
     * would not fit in memory. Striding keeps the result the same on every run.
     */
    static final int MAX_SAMPLES_PER_SIDE = 1000;

    private HodgesLehmann() {
    }

    static double shift(double[] baseline, double[] current) {
        double[] base = strided(baseline);
        double[] now = strided(current);
        double[] differences = new double[base.length * now.length];
        int next = 0;
        for (double c : now) {
            for (double b : base) {
                differences[next++] = c - b;
            }
        }
        Arrays.sort(differences);
        return SampleStats.medianOfSorted(differences);
    }

    private static double[] strided(double[] values) {
        if (values.length <= MAX_SAMPLES_PER_SIDE) {
            return values;
        }
        double step = (double) values.length / MAX_SAMPLES_PER_SIDE;
        double[] picked = new double[MAX_SAMPLES_PER_SIDE];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = values[(int) (i * step)];
        }
        return picked;
    }
}
