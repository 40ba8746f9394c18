package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.sessions.SessionEvent;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data behind a deployment's monitor chart, for /static/chart.js: per metric, at each check the mean of the metric
 * from the deploy to that check (each check judges its whole window, so these are cumulative means, not the series:
 * a spike that recovered is averaged away) and the mean of the baseline it was compared with, plus the deploy time and
 * the baseline window of the last comparison, as the compare_windows result recorded it. Checks come from the
 * verdict, or from the session's check events while there is none.
 */
final class MonitorChart {
    private record Point(Instant at, double baseline, double current) {
    }

    private MonitorChart() {
    }

    /** @param comparisons the session's tool_result events; the last compare_windows one gives the baseline window */
    static String json(Instant deployedAt, JsonNode verdict, List<SessionEvent> checkEvents,
            List<SessionEvent> comparisons) {
        Map<String, List<Point>> byMetric = new LinkedHashMap<>();
        JsonNode checks = verdict == null ? null : verdict.path("checks");
        if (checks != null && checks.isArray() && !checks.isEmpty()) {
            checks.forEach(c -> collect(byMetric, instant(c.path("at"), null), c.path("metrics")));
        } else {
            checkEvents.forEach(e -> collect(byMetric, instant(e.data().path("at"), e.createdAt()),
                    e.data().path("metrics")));
        }
        Instant last = byMetric.values().stream().flatMap(List::stream).map(Point::at).max(Instant::compareTo)
                .orElse(deployedAt);
        Instant[] window = baselineWindow(comparisons).orElse(new Instant[] {
                deployedAt.minus(Duration.between(deployedAt, last)), deployedAt});
        ObjectNode out = Json.object().put("deploy_at", seconds(deployedAt)).put("baseline_from", seconds(window[0]))
                .put("baseline_to", seconds(window[1]));
        ArrayNode metrics = out.putArray("metrics");
        byMetric.forEach((name, points) -> {
            // uPlot needs x ascending, and the deploy marker and baseline window come first.
            List<Point> after = points.stream().filter(p -> p.at().isAfter(deployedAt)).toList();
            if (!after.isEmpty()) {
                metrics.add(series(name, after, window[0], deployedAt));
            }
        });
        return Json.write(out);
    }

    /**
     * [from, to] of the last comparison's baseline: as long as the window after the deploy (less any warm-up), ending
     * where the service's baseline ends (the deploy, or for a re-run the commit's first deploy); empty before any.
     */
    private static Optional<Instant[]> baselineWindow(List<SessionEvent> comparisons) {
        for (SessionEvent e : comparisons.reversed()) {
            JsonNode data = e.data().path("data");
            Instant end = instant(data.path("deployed_at"), null);
            if ("compare_windows".equals(e.data().path("tool").asText()) && end != null
                    && data.path("window_seconds").isNumber()) {
                long ms = Math.round(data.get("window_seconds").asDouble() * 1000);
                return Optional.of(new Instant[] {end.minusMillis(ms), end});
            }
        }
        return Optional.empty();
    }

    private static void collect(Map<String, List<Point>> byMetric, Instant at, JsonNode metrics) {
        if (at == null || !metrics.isArray()) {
            return;
        }
        metrics.forEach(m -> {
            if (m.path("current").isNumber()) {
                byMetric.computeIfAbsent(m.path("name").asText("metric"), k -> new ArrayList<>())
                        .add(new Point(at, m.path("baseline").asDouble(Double.NaN), m.path("current").asDouble()));
            }
        });
    }

    /**
     * x, current and baseline columns, uPlot's layout; across the shaded window the baseline drawn is the last
     * check's, the one the verdict was decided on.
     */
    private static ObjectNode series(String name, List<Point> points, Instant from, Instant deployedAt) {
        ObjectNode s = Json.object().put("name", name);
        ArrayNode x = s.putArray("x");
        ArrayNode current = s.putArray("current");
        ArrayNode baseline = s.putArray("baseline");
        List<Point> sorted = points.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        double decided = sorted.getLast().baseline();
        for (Instant edge : List.of(from, deployedAt)) {
            x.add(seconds(edge));
            current.addNull();
            addNumber(baseline, decided);
        }
        for (Point p : sorted) {
            x.add(seconds(p.at()));
            current.add(p.current());
            addNumber(baseline, p.baseline());
        }
        return s;
    }

    private static void addNumber(ArrayNode to, double v) {
        if (Double.isNaN(v)) {
            to.addNull();
        } else {
            to.add(v);
        }
    }

    private static Instant instant(JsonNode text, Instant fallback) {
        try {
            return text.isTextual() ? Instant.parse(text.asText()) : fallback;
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    private static long seconds(Instant t) {
        return t.getEpochSecond();
    }
}
