package dev.missioncontrol.tools.metrics;

import dev.missioncontrol.signals.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a metric was judged on fewer samples than its windows hold: Prometheus answered NaN or ±Inf for some, which
 * are left out. Without this line a gauge that turned NaN at the deploy read as "fewer than 3 samples: lengthen the
 * bake", and a ratio whose divisor fell to zero (errors / successes, when nothing succeeds) as a metric without data.
 */
final class UnusableSamples {
    private UnusableSamples() {
    }

    /**
     * One line per metric with such samples in either window: "gauge: Prometheus answered NaN for 59 of 60 samples
     * since the deploy (0 of 60 before it), …".
     */
    static List<String> lines(List<Series> series, Instant baselineFrom, Instant deployed, Instant currentFrom,
            Instant currentTo) {
        List<String> out = new ArrayList<>();
        for (Series s : series) {
            Series before = s.between(baselineFrom, deployed);
            Series after = s.between(currentFrom, currentTo);
            if (!before.unusable().isEmpty() || !after.unusable().isEmpty()) {
                out.add(line(s.name(), before, after));
            }
        }
        return out;
    }

    private static String line(String name, Series before, Series after) {
        Map<String, Integer> kinds = new TreeMap<>();
        before.unusable().forEach(p -> kinds.merge(kind(p.value()), 1, Integer::sum));
        after.unusable().forEach(p -> kinds.merge(kind(p.value()), 1, Integer::sum));
        return name + ": Prometheus answered " + String.join(" or ", kinds.keySet()) + " for " + count(after)
                + " samples since the deploy (" + count(before) + " before it), left out of the comparison: "
                + String.join("; ", kinds.keySet().stream().map(UnusableSamples::cause).toList());
    }

    private static String count(Series s) {
        return s.unusable().size() + " of " + (s.unusable().size() + s.points().size());
    }

    private static String kind(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    }

    private static String cause(String kind) {
        return kind.equals("NaN") ? "NaN comes of 0/0, such as a ratio over no requests, or is exported as such"
                : kind + " comes of a division by zero, such as errors / successes when nothing succeeds";
    }
}
