package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

        JsonNode first = chart(Duration.ofSeconds(10));
        assertThat(first.path("baseline_from").asLong()).as("at least half a minute, beside a first check")
                .isEqualTo(DEPLOYED.minusSeconds(30).getEpochSecond());
    }

    private static JsonNode chart(Duration... checksAfter) {
        var verdict = Json.object().put("state", "healthy");
        var checks = verdict.putArray("checks");
        for (Duration after : checksAfter) {
            checks.addObject().put("at", DEPLOYED.plus(after).toString()).putArray("metrics").addObject()
                    .put("name", "error_rate").put("baseline", 0.01).put("current", 0.011);
        }
        return Json.read(MonitorChart.json(DEPLOYED, verdict, List.of()));
    }
}
