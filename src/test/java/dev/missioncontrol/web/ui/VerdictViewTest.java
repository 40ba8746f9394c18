package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

class VerdictViewTest {

    @Test
    void shows_the_score_to_the_decimal_it_was_decided_on_and_times_as_the_rest_of_the_page_does() {
        var verdict = Json.object().put("state", "degraded").put("score", 33.33333333333333)
                .put("decided_at", "2026-11-29T11:15:42.854Z");
        verdict.putArray("checks").addObject().put("at", "2026-11-29T11:15:40.001Z").putArray("metrics");

        VerdictView v = VerdictView.of(verdict);

        assertThat(v.score()).isEqualTo("33.3");
        assertThat(VerdictView.of(Json.object().put("state", "marginal").put("score", 94.7)).score())
                .as("not 95, which is healthy").isEqualTo("94.7");
        assertThat(Format.time(v.decidedAt())).isEqualTo("2026-11-29 11:15:42 UTC");
        assertThat(Format.time(v.checks().getFirst().at())).isEqualTo("2026-11-29 11:15:40 UTC");
        assertThat(Format.time("not a time")).isEqualTo("not a time");
        assertThat(VerdictView.of(Json.object().put("state", "inconclusive").putNull("score")).score()).isEqualTo("—");
    }

    @Test
    void an_inconclusive_verdict_says_why_in_the_monitor_reports_words() {
        var nothing = Json.object().put("state", "inconclusive");
        nothing.putArray("checks").addObject().put("at", "2026-11-29T11:15:40Z").putArray("metrics");
        assertThat(VerdictView.of(nothing).why()).isEqualTo("No metric was available: neither Prometheus queries nor "
                + "pushed signals returned data. Give the monitor data: configure Prometheus (--prometheus-url or the "
                + "project's prometheus_url) or push samples to /api/v1/signals/.");

        var unread = Json.object().put("state", "inconclusive");
        var check = unread.putArray("checks").addObject().put("at", "2026-11-29T11:15:40Z");
        check.putArray("metrics");
        check.putArray("problems").add("error_rate not checked: Prometheus answered 502");
        VerdictView v = VerdictView.of(unread);
        assertThat(v.why()).startsWith("Fix what kept the metrics from being read: error_rate not checked: "
                + "Prometheus answered 502.");
        assertThat(v.checks().getFirst().problems()).containsExactly("error_rate not checked: Prometheus answered 502");

        var unchecked = Json.object().put("state", "inconclusive");
        unchecked.putArray("checks");
        assertThat(VerdictView.of(unchecked).why()).as("a monitor that ended before any check")
                .contains("ended before any check ran");
        assertThat(VerdictView.of(Json.object().put("state", "healthy")).why()).isEmpty();
    }
}
