package dev.missioncontrol.monitor;

/**
 * One metric's samples on both sides of a deploy: the input of a comparison.
 *
 * @param critical a failure of this metric alone makes the deploy degraded, whatever the score
 */
public record MetricSamples(String name, double[] baseline, double[] current, Direction direction, boolean critical) {

    /** Samples whose direction is guessed from the name and which are not critical. */
    public static MetricSamples of(String name, double[] baseline, double[] current) {
        return new MetricSamples(name, baseline, current, Direction.forMetric(name), false);
    }
}
