package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

class VerdictViewTest {

    @Test
    void shows_the_score_as_a_whole_percentage_and_times_as_the_rest_of_the_page_does() {
        var verdict = Json.object().put("state", "degraded").put("score", 33.33333333333333)
                .put("decided_at", "2026-11-29T11:15:42.854Z");
        verdict.putArray("checks").addObject().put("at", "2026-11-29T11:15:40.001Z").putArray("metrics");

        VerdictView v = VerdictView.of(verdict);

        assertThat(v.score()).isEqualTo("33");
        assertThat(Format.time(v.decidedAt())).isEqualTo("2026-11-29 11:15:42 UTC");
        assertThat(Format.time(v.checks().getFirst().at())).isEqualTo("2026-11-29 11:15:40 UTC");
        assertThat(Format.time("not a time")).isEqualTo("not a time");
        assertThat(VerdictView.of(Json.object().put("state", "inconclusive").putNull("score")).score()).isEqualTo("—");
    }
}
