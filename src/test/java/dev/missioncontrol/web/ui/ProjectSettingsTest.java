package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.Direction;
import dev.missioncontrol.monitor.MetricDefinition;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project form edits exactly the keys the monitor reads, and keeps every other key of the project's settings. */
class ProjectSettingsTest {
    private static final Duration SERVER_BAKE = Duration.ofMinutes(30);
    private static final Destinations GUARD = new Destinations(AddressPolicy.allowing(List.of()), host -> switch (host) {
        case "prom.example.com" -> List.of(InetAddress.getByName("93.184.216.34"));
        case "prom.internal" -> List.of(InetAddress.getByName("10.0.0.7"));
        default -> throw new UnknownHostException(host);
    });
    private static final String STORED = """
            {"owner": "team-a", "prometheus_url": "https://prom.example.com", "prometheus_step": "30s",
             "bake_time": "45m", "warmup": "90s", "metrics": {
               "error_rate": {"query": "sum(rate(errors{service=\\"{{service}}\\"}[1m]))", "direction": "increase",
                              "critical": true},
               "checkouts_total": {"direction": "decrease", "critical": false}}}""";

    @Test
    void the_form_shows_the_stored_settings_and_saving_it_unchanged_writes_the_same_settings() {
        JsonNode stored = Json.read(STORED);
        ProjectSettings form = ProjectSettings.of(project(stored));
        assertThat(form.prometheusUrl()).isEqualTo("https://prom.example.com");
        assertThat(form.step()).isEqualTo("30s");
        assertThat(form.bake()).isEqualTo("45m");
        assertThat(form.warmup()).isEqualTo("90s");
        assertThat(form.metrics()).containsExactly(
                new ProjectSettings.Metric("error_rate", "sum(rate(errors{service=\"{{service}}\"}[1m]))", "increase",
                        true),
                new ProjectSettings.Metric("checkouts_total", "", "decrease", false));
        assertThat(form.rows()).hasSize(3).last().isEqualTo(ProjectSettings.Metric.BLANK);

        JsonNode saved = ProjectSettings.parse(withRows(form, form.rows()), GUARD, SERVER_BAKE).writeInto(stored);
        assertThat(saved).isEqualTo(stored);
    }

    @Test
    void what_the_form_saves_is_what_the_monitor_reads() {
        var rows = List.of(new ProjectSettings.Metric(" latency_p99 ", "histogram_quantile(0.99, x)", "increase", true),
                new ProjectSettings.Metric("", "ignored: a row without a name", "either", false));
        var form = new ProjectSettings("p1", "acme/web", "web", "https://prom.example.com/", "", "90s", "20s", rows,
                null);
        JsonNode saved = ProjectSettings.parse(form, GUARD, SERVER_BAKE)
                .writeInto(Json.object().put("owner", "team-a"));

        MonitorSettings read = MonitorSettings.read(saved);
        assertThat(read.prometheusUrl()).isEqualTo("https://prom.example.com/");
        assertThat(read.prometheusStep()).isNull();
        assertThat(read.bake()).isEqualTo(Duration.ofSeconds(90));
        assertThat(read.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(read.metrics()).containsExactly(
                new MetricDefinition("latency_p99", "histogram_quantile(0.99, x)", Direction.INCREASE, true));
        assertThat(saved.path("owner").asText()).isEqualTo("team-a");
        assertThat(saved.has("prometheus_step")).isFalse();
    }

    @Test
    void refuses_a_prometheus_url_the_ssrf_guard_refuses_and_durations_or_names_the_monitor_cannot_use() {
        assertThatThrownBy(() -> parse("http://prom.internal:9090", "", List.of()))
                .hasMessageContaining("Prometheus URL").hasMessageContaining("--allow-cidr");
        assertThatThrownBy(() -> parse("http://127.0.0.1:9090", "", List.of())).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(() -> parse("", "soon", List.of())).hasMessageContaining("bake time");
        assertThatThrownBy(() -> parse("", "25h", List.of())).hasMessageContaining("24h");
        assertThatThrownBy(() -> parse("", "", List.of(new ProjectSettings.Metric("error rate", "x", "increase",
                false)))).hasMessageContaining("error rate");
        var twice = new ProjectSettings.Metric("errors", "x", "increase", false);
        assertThatThrownBy(() -> parse("", "", List.of(twice, twice))).hasMessageContaining("twice");
    }

    @Test
    void refuses_a_duration_too_long_to_hold_as_input_not_as_an_overflow() {
        assertThatThrownBy(() -> parse("", "9999999999999999h", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bake time");
        assertThatThrownBy(() -> parse("", "", "9999999999999999h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warm-up");
        ProjectSettings stored = ProjectSettings.of(project(Json.object().put("prometheus_step", "9999999999999999h")));
        assertThat(stored.problem()).contains("too long");
    }

    @Test
    void refuses_a_warm_up_as_long_as_the_bake_time_the_project_would_have() {
        assertThatThrownBy(() -> parse("", "10m", "10m")).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> parse("", "", "30m")).hasMessageContaining("warm-up").hasMessageContaining("30m");
        assertThatThrownBy(() -> parse("", "", "a bit")).hasMessageContaining("warm-up");
        assertThat(parse("", "", "29m").warmup()).isEqualTo(Duration.ofMinutes(29));
        assertThat(parse("", "45m", "40m").warmup()).isEqualTo(Duration.ofMinutes(40));
        assertThat(parse("", "", "").warmup()).isNull();
    }

    @Test
    void unreadable_stored_settings_are_reported_on_the_page_instead_of_failing_it() {
        ProjectSettings form = ProjectSettings.of(project(Json.object().put("bake_time", "a while")));
        assertThat(form.problem()).contains("cannot be read");
        assertThat(form.rows()).containsExactly(ProjectSettings.Metric.BLANK);
    }

    private static MonitorSettings parse(String url, String bake, List<ProjectSettings.Metric> rows) {
        return ProjectSettings.parse(new ProjectSettings("p1", "acme/web", "web", url, "", bake, "", rows, null), GUARD,
                SERVER_BAKE);
    }

    private static MonitorSettings parse(String url, String bake, String warmup) {
        return ProjectSettings.parse(new ProjectSettings("p1", "acme/web", "web", url, "", bake, warmup, List.of(),
                null), GUARD, SERVER_BAKE);
    }

    private static ProjectSettings withRows(ProjectSettings f, List<ProjectSettings.Metric> rows) {
        return new ProjectSettings(f.id(), f.repository(), f.service(), f.prometheusUrl(), f.step(), f.bake(),
                f.warmup(), new ArrayList<>(rows), null);
    }

    private static Project project(JsonNode settings) {
        return new Project("p1", "o1", "acme/web", "web", settings, Instant.EPOCH);
    }
}
