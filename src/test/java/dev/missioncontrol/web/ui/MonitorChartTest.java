package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.sessions.SessionEvent;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorChartTest {
    private static final Instant DEPLOYED = Instant.parse("2026-11-29T11:00:00Z");

    @Test
    void the_baseline_window_is_as_long_as_the_time_watched_so_a_fast_bake_fills_half_the_chart() {
        JsonNode fast = chart(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(40));
        assertThat(fast.path("baseline_from").asLong()).isEqualTo(DEPLOYED.minusSeconds(40).getEpochSecond());

        JsonNode usual = chart(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(30));
        assertThat(usual.path("baseline_from").asLong()).isEqualTo(DEPLOYED.minus(Duration.ofMinutes(30))
                .getEpochSecond());
    }

    /** A short bake's verdict used an 8 s baseline; the band shaded 30 s and the dashed line the first check's. */
    @Test
    void the_band_is_the_last_comparisons_baseline_window_and_the_dashed_line_its_baseline() {
        var verdict = Json.object().put("state", "healthy");
        var checks = verdict.putArray("checks");
        checks.addObject().put("at", DEPLOYED.plusSeconds(4).toString()).putArray("metrics").addObject()
                .put("name", "error_rate").put("baseline", 0.01).put("current", 0.011);
        checks.addObject().put("at", DEPLOYED.plusSeconds(10).toString()).putArray("metrics").addObject()
                .put("name", "error_rate").put("baseline", 0.012).put("current", 0.011);
        var result = Json.object().put("tool", "compare_windows").put("status", "ok");
        result.putObject("data").put("deployed_at", DEPLOYED.toString()).put("window_seconds", 8.0)
                .put("warmup_seconds", 2.0);
        var comparison = new SessionEvent("s1", 7, "tool_result", "compared", result, DEPLOYED.plusSeconds(10));

        JsonNode chart = Json.read(MonitorChart.json(DEPLOYED, verdict, List.of(), List.of(comparison)));

        assertThat(chart.path("baseline_from").asLong()).isEqualTo(DEPLOYED.minusSeconds(8).getEpochSecond());
        assertThat(chart.path("baseline_to").asLong()).isEqualTo(DEPLOYED.getEpochSecond());
        JsonNode baseline = chart.at("/metrics/0/baseline");
        assertThat(baseline.get(0).asDouble()).as("across the band: the baseline the verdict used").isEqualTo(0.012);
        assertThat(baseline.get(1).asDouble()).isEqualTo(0.012);
    }

    private static JsonNode chart(Duration... checksAfter) {
        var verdict = Json.object().put("state", "healthy");
        var checks = verdict.putArray("checks");
        for (Duration after : checksAfter) {
            checks.addObject().put("at", DEPLOYED.plus(after).toString()).putArray("metrics").addObject()
                    .put("name", "error_rate").put("baseline", 0.01).put("current", 0.011);
        }
        return Json.read(MonitorChart.json(DEPLOYED, verdict, List.of(), List.of()));
    }
}
