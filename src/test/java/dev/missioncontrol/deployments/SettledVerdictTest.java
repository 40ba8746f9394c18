package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettledVerdictTest {
    private static final Instant ENDED = Instant.parse("2026-11-29T08:00:00Z");
    private static final JsonNode PROVISIONAL = Json.read("{\"state\":\"pending\",\"score\":0.0,\"checks\":[{\"at\":"
            + "\"2026-11-29T07:59:00Z\",\"metrics\":[{\"name\":\"error_rate\",\"result\":\"high\"}]}],"
            + "\"decided_at\":null}");

    @Test
    void a_session_that_ended_without_deciding_leaves_its_checks_inconclusive() {
        JsonNode settled = SettledVerdict.of(PROVISIONAL, "cancelled", ENDED);
        assertThat(settled.path("session_ended").asText()).isEqualTo("cancelled");
        assertThat(settled.get("state").asText()).isEqualTo("inconclusive");
        assertThat(Instant.parse(settled.get("decided_at").asText())).isEqualTo(ENDED);
        assertThat(settled.get("checks")).isEqualTo(PROVISIONAL.get("checks"));
        assertThat(settled.get("score").asDouble()).isZero();
        assertThat(PROVISIONAL.get("state").asText()).as("the stored verdict is not changed").isEqualTo("pending");
    }

    @Test
    void a_session_that_ended_before_any_check_is_inconclusive_with_no_checks() {
        JsonNode settled = SettledVerdict.of(null, "failed", ENDED);
        assertThat(settled.get("state").asText()).isEqualTo("inconclusive");
        assertThat(settled.get("checks")).isEmpty();
        assertThat(settled.get("score").isNull()).isTrue();
    }

    @Test
    void a_final_verdict_and_a_session_still_watching_are_left_as_they_are() {
        JsonNode degraded = Json.read("{\"state\":\"degraded\",\"score\":0.0,\"checks\":[],\"decided_at\":\"x\"}");
        assertThat(SettledVerdict.of(degraded, "completed", ENDED)).isSameAs(degraded);
        assertThat(SettledVerdict.of(PROVISIONAL, "active", null)).isSameAs(PROVISIONAL);
        assertThat(SettledVerdict.of(null, "active", null)).isNull();
    }
}
