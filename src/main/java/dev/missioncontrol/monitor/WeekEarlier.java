package dev.missioncontrol.monitor;

/**
 * The same two windows a week earlier: the samples in the week-earlier baseline window and in the
 * week-earlier current window, aligned sample for sample with the metric's own windows. Metrics
 * with a daily or weekly rhythm (traffic, load, temperatures) move between any two neighbouring
 * windows just because the hour or the day changed; last week shows how much of that move is the
 * rhythm, so only the rest is held against the deploy.
 */
public record WeekEarlier(double[] baseline, double[] current) {

    /** Whether these windows line up sample for sample with the metric's own windows. */
    boolean alignsWith(double[] metricBaseline, double[] metricCurrent) {
        return baseline != null && current != null
                && baseline.length == metricBaseline.length && current.length == metricCurrent.length;
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
