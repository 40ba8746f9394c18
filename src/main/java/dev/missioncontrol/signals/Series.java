package dev.missioncontrol.signals;

import java.time.Instant;
import java.util.List;

/**
 * A metric's values over a window, oldest first, from Prometheus or from pushed samples.
 *
 * @param unusable the moments Prometheus answered NaN or ±Inf, left out of {@code points} since no statistic can
 *                 weigh them, but kept so that a metric judged on few samples, or none, says why
 */
public record Series(String name, List<Point> points, List<Point> unusable) {

    public Series {
        points = List.copyOf(points);
        unusable = List.copyOf(unusable);
    }

    public Series(String name, List<Point> points) {
        this(name, points, List.of());
    }

    /** Parts of one metric's series over consecutive ranges, as one series. */
    static Series joined(String name, List<Series> parts) {
        return parts.size() == 1 ? parts.getFirst() : new Series(name,
                parts.stream().flatMap(p -> p.points().stream()).toList(),
                parts.stream().flatMap(p -> p.unusable().stream()).toList());
    }

    /** One value at one moment. */
    public record Point(Instant at, double value) {
    }

    public double[] values() {
        return points.stream().mapToDouble(Point::value).toArray();
    }

    /** The values left out: NaN, +Inf and -Inf. */
    public double[] unusableValues() {
        return unusable.stream().mapToDouble(Point::value).toArray();
    }

    /** The points in [from, to). */
    public Series between(Instant from, Instant to) {
        return new Series(name, within(points, from, to), within(unusable, from, to));
    }

    private static List<Point> within(List<Point> points, Instant from, Instant to) {
        return points.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    }
}
