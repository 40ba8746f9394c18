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

/**
 * The data behind a deployment's monitor chart, for /static/chart.js: per metric, the current value at each check and
 * the baseline it was compared with, plus the deploy time and the baseline window before it (the same length as the
 * time watched after it). Checks come from the verdict, or from the session's check events while there is none.
 */
final class MonitorChart {
    /**
     * The baseline window drawn is as long as the time watched, but never shorter than this: long enough to read
     * beside the first check, short enough that a fast bake's checks do not crowd into the chart's last pixels.
     */
    private static final Duration MIN_WINDOW = Duration.ofSeconds(30);

    private record Point(Instant at, double baseline, double current) {
    }

    private MonitorChart() {
    }

    static String json(Instant deployedAt, JsonNode verdict, List<SessionEvent> checkEvents) {
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
        Duration watched = Duration.between(deployedAt, last);
        Instant baselineFrom = deployedAt.minus(watched.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : watched);
        ObjectNode out = Json.object().put("deploy_at", seconds(deployedAt)).put("baseline_from", seconds(baselineFrom));
        ArrayNode metrics = out.putArray("metrics");
        byMetric.forEach((name, points) -> {
            // uPlot needs x ascending, and the deploy marker and baseline window come first.
            List<Point> after = points.stream().filter(p -> p.at().isAfter(deployedAt)).toList();
            if (!after.isEmpty()) {
                metrics.add(series(name, after, baselineFrom, deployedAt));
            }
        });
        return Json.write(out);
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

    /** x, current and baseline columns, uPlot's layout; the baseline is drawn flat across its window. */
    private static ObjectNode series(String name, List<Point> points, Instant from, Instant deployedAt) {
        ObjectNode s = Json.object().put("name", name);
        ArrayNode x = s.putArray("x");
        ArrayNode current = s.putArray("current");
        ArrayNode baseline = s.putArray("baseline");
        List<Point> sorted = points.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        double first = sorted.get(0).baseline();
        for (Instant edge : List.of(from, deployedAt)) {
            x.add(seconds(edge));
            current.addNull();
            addNumber(baseline, first);
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
