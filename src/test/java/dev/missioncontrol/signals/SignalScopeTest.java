package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalScopeTest {
    private static final Project WEB = new Project("p1", "o1", "acme/web", "web", Json.object(), Instant.EPOCH);
    private static final String TEMPLATE = "sum(rate(errors{service=\"{{service}}\",env=\"{{environment}}\"}[1m]))";

    @Test
    void a_template_is_filled_with_the_sessions_environment_escaped_or_left_empty_without_one() {
        assertThat(ProjectSignals.fill(TEMPLATE, new SignalScope(WEB, "staging")))
                .isEqualTo("sum(rate(errors{service=\"web\",env=\"staging\"}[1m]))");
        assertThat(ProjectSignals.fill(TEMPLATE, new SignalScope(WEB, "prod\"} or vector(1) #")))
                .contains("env=\"prod\\\"} or vector(1) #\"");
        assertThat(ProjectSignals.fill(TEMPLATE, new SignalScope(WEB, null))).contains("env=\"\"");
    }

    @Test
    void only_a_textual_environment_in_the_context_narrows_the_scope() {
        assertThat(SignalScope.of(WEB, Json.object().put("environment", " production ")).environment())
                .isEqualTo("production");
        assertThat(SignalScope.of(WEB, Json.object().put("environment", "  ")).environment()).isNull();
        assertThat(SignalScope.of(WEB, Json.object().put("environment", "x".repeat(101))).environment()).isNull();
        assertThat(SignalScope.of(WEB, Json.read("{\"environment\": {\"name\": \"prod\"}}")).environment()).isNull();
        assertThat(SignalScope.of(WEB, null).environment()).isNull();
    }

    @Test
    void pushed_series_of_another_environment_are_left_out_and_unlabelled_ones_count_for_every_one() {
        SignalScope staging = new SignalScope(WEB, "staging");
        assertThat(staging.includes(Map.of("environment", "staging"))).isTrue();
        assertThat(staging.includes(Map.of("environment", "Staging"))).as("the deploy's own, typed otherwise").isTrue();
        assertThat(staging.includes(Map.of("environment", "production"))).isFalse();
        assertThat(staging.includes(Map.of("instance", "i-1"))).isTrue();
        assertThat(new SignalScope(WEB, null).includes(Map.of("environment", "production"))).isTrue();
    }
}
