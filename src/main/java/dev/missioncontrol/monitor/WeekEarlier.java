package dev.missioncontrol.monitor;

/**
 * The same two windows a week earlier: the samples in the week-earlier baseline window and in the
 * week-earlier current window, aligned sample for sample with the metric's own windows. Metrics
 * with a daily or weekly rhythm (traffic, load, temperatures) move between any two neighbouring
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

    /** Whether these windows line up sample for sample with the metric's own windows. */
    boolean alignsWith(double[] metricBaseline, double[] metricCurrent) {
        return baseline != null && current != null
                && baseline.length == metricBaseline.length && current.length == metricCurrent.length;
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

    /** This week's samples minus last week's at the same moment: what the rhythm does not explain. */
    static double[] residuals(double[] thisWeek, double[] weekEarlier) {
        double[] residuals = new double[thisWeek.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = thisWeek[i] - weekEarlier[i];
        }
        return residuals;
    }
}
