package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InconclusiveTest {

    @Test
    void a_monitor_fed_by_nothing_is_told_to_get_data_not_to_fix_a_source() {
        var verdict = Json.read("{\"state\":\"inconclusive\",\"checks\":[{\"at\":\"2026-01-01T10:00:10.000Z\","
                + "\"metrics\":[],\"problems\":[\"" + Check.NO_SOURCE + "\"]}]}");

        assertThat(Inconclusive.explain(verdict, "below")).hasValueSatisfying(text -> assertThat(text)
                .startsWith("No metric was available").contains("Give the monitor data: configure Prometheus")
                .doesNotContain("Fix what kept"));
    }

    @Test
    void a_project_without_prometheus_is_told_none_is_configured_not_that_its_queries_returned_nothing() {
        var verdict = Json.read("{\"state\":\"inconclusive\",\"checks\":[{\"at\":\"2026-01-01T10:00:10.000Z\","
                + "\"metrics\":[],\"problems\":[\"" + Check.NO_PROMETHEUS + "\"]}]}");

        assertThat(Inconclusive.explain(verdict, "below")).hasValueSatisfying(text -> assertThat(text)
                .startsWith("No metric was available: no Prometheus is configured to ask, and nothing was pushed.")
                .contains("Give the monitor data: configure Prometheus").doesNotContain("Fix what kept"));
    }

    @Test
    void a_source_that_failed_is_named_as_the_thing_to_fix() {
        var verdict = Json.read("{\"state\":\"inconclusive\",\"checks\":[{\"at\":\"2026-01-01T10:00:10.000Z\","
                + "\"metrics\":[],\"problems\":[\"error_rate not checked: Prometheus answered 502\"]}]}");

        assertThat(Inconclusive.explain(verdict, "below")).hasValueSatisfying(text -> assertThat(text).contains(
                "Fix what kept the metrics from being read: error_rate not checked: Prometheus answered 502"));
    }

    /** Prometheus down at the bake's end: the page and the report say what the checks before it found. */
    @Test
    void a_final_check_that_read_nothing_is_told_with_what_the_last_judged_check_found() {
        Check judged = Judge.check(Instant.parse("2026-01-01T10:00:40Z"), List.of(MetricSamples.of("error_rate",
                new double[] {1, 2, 1, 2, 1, 2, 1, 2}, new double[] {2, 1, 2, 1, 2, 1, 2, 1})));
        Check unread = new Check(Instant.parse("2026-01-01T10:01:00Z"), List.of(),
                List.of("error_rate not checked: Prometheus http://prometheus:9090: connection refused"));
        Verdict v = Judge.decide(List.of(judged, unread), unread.at());
        assertThat(v.state()).isEqualTo(VerdictState.INCONCLUSIVE);
        String until = "The last check that compared metrics, at 2026-01-01T10:00:40Z, found the deploy healthy "
                + "(score 100.0); it is not the verdict, since no later check confirmed it.";

        assertThat(Inconclusive.explain(Json.MAPPER.valueToTree(v), "below")).hasValueSatisfying(text ->
                assertThat(text).contains("Fix what kept the metrics from being read").endsWith(" " + until));
        String md = MonitorReport.verdict(Json.object().put("repository_full_name", "acme/api")
                .put("created_at", "2026-01-01T10:00:00Z"), v, Json.object(), Duration.ZERO).markdown();
        assertThat(md).contains("watch this one by hand. " + until + "\n");
    }
}
