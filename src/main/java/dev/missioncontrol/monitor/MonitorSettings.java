package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A project's deploy-monitor settings, kept in projects.settings. This record is the one contract between the
 * settings page, which writes it, and the monitor and its signal sources, which read it:
 * <pre>{"prometheus_url": "https://prom.example.com", "prometheus_step": "15s", "bake_time": "30m", "warmup": "1m",
 *  "metrics": {"error_rate": {"query": "…PromQL with {{service}}…", "direction": "increase", "critical": true}}}</pre>
 *
 * @param prometheusUrl  null: the server's {@code --prometheus-url}
 * @param prometheusStep null: the server's {@code --prometheus-step}
 * @param bake           how long a successful deploy is watched; null: the server's {@code --bake}
 * @param warmup         how long after the deploy is left out of the comparisons (see {@link MonitorSchedule});
 *                       null: the server's {@code --monitor-warmup}
 */
public record MonitorSettings(String prometheusUrl, Duration prometheusStep, Duration bake, Duration warmup,
        List<MetricDefinition> metrics) {
    public static final Duration MAX_BAKE = Duration.ofHours(24);
    static final String URL = "prometheus_url";
    static final String STEP = "prometheus_step";
    static final String BAKE = "bake_time";
    static final String WARMUP = "warmup";
    static final String METRICS = "metrics";
    /** The names pushed samples may carry (see the signals API), so a metric can come from either source. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]{0,199}");

    /** Refuses what the monitor could not use, with a message fit for the person who typed it. */
    public MonitorSettings {
        metrics = List.copyOf(metrics);
        prometheusUrl = prometheusUrl == null || prometheusUrl.isBlank() ? null : prometheusUrl.strip();
        if (bake != null && (!bake.isPositive() || bake.compareTo(MAX_BAKE) > 0)) {
            throw new IllegalArgumentException("the bake time must be more than 0 and at most 24h");
        }
        if (warmup != null && (warmup.isNegative() || (bake != null && warmup.compareTo(bake) >= 0))) {
            throw new IllegalArgumentException("the warm-up must be at least 0 and shorter than the bake time");
        }
        if (prometheusStep != null && !prometheusStep.isPositive()) {
            throw new IllegalArgumentException("the Prometheus step must be more than 0");
        }
        Set<String> seen = new HashSet<>();
        for (MetricDefinition m : metrics) {
            if (!NAME.matcher(m.name()).matches()) {
                throw new IllegalArgumentException("metric name '" + m.name()
                        + "' must be like http_errors_total (letters, digits, _ and :)");
            }
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("metric " + m.name() + " is listed twice");
            }
        }
    }

    public static MonitorSettings none() {
        return new MonitorSettings(null, null, null, null, List.of());
    }

    /** Reads a project's stored settings; keys this record does not know belong to others and are left alone. */
    public static MonitorSettings read(JsonNode settings) {
        JsonNode s = settings == null ? Json.object() : settings;
        List<MetricDefinition> metrics = new ArrayList<>();
        s.path(METRICS).properties().forEach(f -> metrics.add(metric(f.getKey(), f.getValue())));
        return new MonitorSettings(s.path(URL).asText(null), duration(s, STEP), duration(s, BAKE), duration(s, WARMUP),
                metrics);
    }

    /** The stored settings with this record's keys replaced; an unset value removes its key. */
    public ObjectNode writeInto(JsonNode stored) {
        ObjectNode out = stored instanceof ObjectNode o ? o.deepCopy() : Json.object();
        out.remove(List.of(URL, STEP, BAKE, WARMUP, METRICS));
        if (prometheusUrl != null) {
            out.put(URL, prometheusUrl);
        }
        if (prometheusStep != null) {
            out.put(STEP, DurationText.format(prometheusStep));
        }
        if (bake != null) {
            out.put(BAKE, DurationText.format(bake));
        }
        if (warmup != null) {
            out.put(WARMUP, DurationText.format(warmup));
        }
        if (!metrics.isEmpty()) {
            ObjectNode all = out.putObject(METRICS);
            metrics.forEach(m -> all.set(m.name(), json(m)));
        }
        return out;
    }

    private static MetricDefinition metric(String name, JsonNode n) {
        String query = n.path("query").asText(null);
        Direction direction = n.hasNonNull("direction") ? Direction.parse(n.get("direction").asText())
                : Direction.forMetric(name);
        return new MetricDefinition(name, query == null || query.isBlank() ? null : query,
                direction, n.path("critical").asBoolean(false));
    }

    private static ObjectNode json(MetricDefinition m) {
        ObjectNode o = Json.object();
        if (m.query() != null) {
            o.put("query", m.query());
        }
        return o.put("direction", m.direction().wireName()).put("critical", m.critical());
    }

    private static Duration duration(JsonNode s, String key) {
        return s.hasNonNull(key) ? DurationText.parse(s.get(key).asText()) : null;
    }
}
