package dev.missioncontrol.monitor;

/**
 * One metric's samples on both sides of a deploy: the input of a comparison.
 *
 * @param critical    a failure of this metric alone makes the deploy degraded, whatever the score
 * @param weekEarlier the same windows a week earlier, or null where that data does not exist
 */
public record MetricSamples(String name, double[] baseline, double[] current, Direction direction, boolean critical,
                            WeekEarlier weekEarlier) {

    /** Samples without a week-earlier baseline. */
    public MetricSamples(String name, double[] baseline, double[] current, Direction direction, boolean critical) {
        this(name, baseline, current, direction, critical, null);
    }

    /** Samples whose direction is guessed from the name and which are not critical. */
    public static MetricSamples of(String name, double[] baseline, double[] current) {
        return new MetricSamples(name, baseline, current, Direction.forMetric(name), false);
    }

    /** These samples, also compared with the same windows a week earlier. */
    public MetricSamples withWeekEarlier(double[] weekEarlierBaseline, double[] weekEarlierCurrent) {
        return new MetricSamples(name, baseline, current, direction, critical,
                new WeekEarlier(weekEarlierBaseline, weekEarlierCurrent));
    }
}
