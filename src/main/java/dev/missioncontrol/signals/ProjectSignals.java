package dev.missioncontrol.signals;

import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.monitor.Unjudged;
import dev.missioncontrol.orgs.Project;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a project's signals come from: its {@link MonitorSettings} over the server's defaults. Without configured
 * queries, the RED defaults below are asked of Prometheus.
 */
record ProjectSignals(String prometheusUrl, Duration step, PrometheusHeaders headers,
        Map<String, MetricDefinition> metrics) {

    /** Each sums over the service's pods to one series, the only answer {@link PrometheusSource} judges. */
    static final List<MetricDefinition> RED_DEFAULTS = List.of(
            new MetricDefinition("requests_per_second",
                    "sum(rate(http_requests_total{service=\"{{service}}\"}[1m]))", Direction.DECREASE, false),
            new MetricDefinition("error_rate",
                    "(sum(rate(http_requests_total{service=\"{{service}}\",code=~\"5..\"}[1m])) or vector(0))"
                            + " / sum(rate(http_requests_total{service=\"{{service}}\"}[1m]))",
                    Direction.INCREASE, false),
            new MetricDefinition("latency_p95_seconds", "histogram_quantile(0.95, sum by (le) "
                    + "(rate(http_request_duration_seconds_bucket{service=\"{{service}}\"}[1m])))",
                    Direction.INCREASE, false));

    /**
     * The server's headers go with its own Prometheus only: a project that names another URL, set by its
     * organization's admin, is asked without them.
     */
    static ProjectSignals of(Project project, String defaultUrl, Duration defaultStep, PrometheusHeaders headers) {
        MonitorSettings s = MonitorSettings.read(project.settings());
        Map<String, MetricDefinition> metrics = new LinkedHashMap<>();
        s.metrics().forEach(m -> metrics.put(m.name(), m));
        if (metrics.values().stream().noneMatch(m -> m.query() != null)) {
            RED_DEFAULTS.forEach(d -> metrics.putIfAbsent(d.name(), d));
        }
        boolean serverWide = s.prometheusUrl() == null || s.prometheusUrl().equals(defaultUrl);
        String url = serverWide ? defaultUrl : s.prometheusUrl();
        return new ProjectSignals(url == null || url.isBlank() ? null : url,
                s.prometheusStep() != null ? s.prometheusStep() : defaultStep,
                serverWide ? headers : PrometheusHeaders.NONE, metrics);
    }

    /** The metrics Prometheus is asked for. */
    List<MetricDefinition> queries() {
        return prometheusUrl == null ? List.of() : metrics.values().stream().filter(m -> m.query() != null).toList();
    }

    /**
     * How a metric is judged: as configured, or guessed from its name. A pushed counter's rate is judged as the
     * settings say of the counter, which is the name its client pushes.
     */
    MetricDefinition definition(String name) {
        MetricDefinition own = metrics.get(name);
        MetricDefinition counters = metrics.get(CounterRates.counterOf(name));
        return own != null ? own : counters != null ? counters : MetricDefinition.guessed(name);
    }

    /**
     * Why a pushed metric is left out of the judgement (a restart clock, a histogram's bucket); empty when it is judged,
     * as it is whenever the settings name it or its counter.
     */
    Optional<String> unjudged(String name) {
        boolean configured = metrics.containsKey(name) || metrics.containsKey(CounterRates.counterOf(name));
        return configured ? Optional.empty() : Unjudged.reason(name);
    }

    /**
     * Fills a template; values are escaped so a service name cannot break out of a PromQL string. Without an
     * environment, {@code {{environment}}} becomes empty, which in a label matcher ({@code env=""}) selects the series
     * that carry no such label.
     */
    static String fill(String template, SignalScope scope) {
        Project project = scope.project();
        return template.replace("{{service}}", escape(project.serviceName()))
                .replace("{{repository}}", escape(project.repositoryFullName()))
                .replace("{{environment}}", scope.environment() == null ? "" : escape(scope.environment()));
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
