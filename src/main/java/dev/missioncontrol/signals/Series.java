package dev.missioncontrol.signals;

import java.time.Instant;
import java.util.List;

/** A metric's values over a window, oldest first, from Prometheus or from pushed samples. */
public record Series(String name, List<Point> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** One value at one moment. */
    public record Point(Instant at, double value) {
    }

    public double[] values() {
        return points.stream().mapToDouble(Point::value).toArray();
    }

    /** The points in [from, to). */
    public Series between(Instant from, Instant to) {
        return new Series(name, points.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList());
    }
}
