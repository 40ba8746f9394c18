package dev.missioncontrol.monitor;

/**
 * The same two windows a week earlier: the samples in the week-earlier baseline window and in the
 * week-earlier current window, paired by position with the metric's own windows from the deploy's moment.
 * Metrics with a daily or weekly rhythm (traffic, load, temperatures) move between any two neighbouring
 * windows just because the hour or the day changed; last week shows how much of that move is the
 * rhythm, so only the rest is held against the deploy.
 */
public record WeekEarlier(double[] baseline, double[] current, double[] history) {

    public WeekEarlier {
        history = history == null ? new double[0] : history;
    }

    /** The two windows a week earlier, without the history before them. */
    public WeekEarlier(double[] baseline, double[] current) {
        this(baseline, current, null);
    }

    /** Everything known before last week's same moment: its history followed by its baseline window. */
    double[] before() {
        return MetricSamples.joined(history, baseline);
    }

    /**
     * Whether these windows hold about as many samples as the metric's own, so that the samples on each side of the
     * deploy pair up with those on each side of the same moment a week earlier once cut to the shorter length.
     * Pushed samples rarely fall at the same offsets both weeks, so a window may hold one more or one fewer; a
     * difference of more than a twentieth means another sampling rate, where pairing by position would be wrong.
     */
    boolean pairsWith(double[] metricBaseline, double[] metricCurrent) {
        return baseline != null && current != null && close(baseline.length, metricBaseline.length)
                && close(current.length, metricCurrent.length);
    }

    private static boolean close(int a, int b) {
        return Math.abs(a - b) <= Math.max(1, Math.min(a, b) / 20);
    }

    /**
     * This week's samples before the deploy minus last week's before the same moment, both ending there: the last
     * samples of each, as many as both hold.
     */
    static double[] netBefore(double[] thisWeek, double[] lastWeek) {
        int n = Math.min(thisWeek.length, lastWeek.length);
        return residuals(thisWeek, thisWeek.length - n, lastWeek, lastWeek.length - n, n);
    }

    /**
     * This week's samples after the deploy minus last week's after the same moment, both starting there: the first
     * samples of each, as many as both hold.
     */
    static double[] netAfter(double[] thisWeek, double[] lastWeek) {
        return residuals(thisWeek, 0, lastWeek, 0, Math.min(thisWeek.length, lastWeek.length));
    }

    private static double[] residuals(double[] thisWeek, int from, double[] lastWeek, int lastFrom, int n) {
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = thisWeek[from + i] - lastWeek[lastFrom + i];
        }
        return residuals;
    }
}
