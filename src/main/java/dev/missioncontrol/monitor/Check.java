package dev.missioncontrol.monitor;

import java.time.Instant;
import java.util.List;

/** One comparison of every metric at one moment after the deploy. */
public record Check(Instant at, List<MetricResult> metrics) {

    public Check {
        metrics = List.copyOf(metrics);
    }
}
