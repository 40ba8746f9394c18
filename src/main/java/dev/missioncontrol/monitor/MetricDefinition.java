package dev.missioncontrol.monitor;

/**
 * A metric the monitor judges for a project.
 *
 * @param query    a PromQL template ({@code {{service}}}, {@code {{repository}}} are filled in); null for metrics that
 *                 are only pushed
 * @param critical a failure of this metric alone makes the deploy degraded
 */
public record MetricDefinition(String name, String query, Direction direction, boolean critical) {

    /** A metric nobody configured: its bad direction is guessed from its name. */
    public static MetricDefinition guessed(String name) {
        return new MetricDefinition(name, null, Direction.forMetric(name), false);
    }
}
