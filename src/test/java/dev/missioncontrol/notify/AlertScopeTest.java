package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertScopeTest {
    @Test
    void a_scope_covers_its_repositories_in_its_environments_whatever_their_case() {
        AlertScope payments = new AlertScope(List.of("acme/payments"), List.of("production"));

        assertThat(payments.covers(deploy("Acme/Payments", "Production"))).isTrue();
        assertThat(payments.covers(deploy("acme/payments", "staging"))).isFalse();
        assertThat(payments.covers(deploy("acme/payments", null))).as("names no environment").isFalse();
        assertThat(payments.covers(deploy("acme/ledger", "production"))).isFalse();
        assertThat(new AlertScope(List.of("acme/payments"), List.of()).covers(deploy("acme/payments", null))).isTrue();
        assertThat(AlertScope.EVERY.covers(deploy("acme/anything", null))).isTrue();
        assertThat(payments.describe()).isEqualTo("acme/payments · production");
        assertThat(new AlertScope(List.of(), List.of("production")).describe())
                .isEqualTo("every repository · production");
    }

    @Test
    void an_open_side_is_stored_as_nothing_and_read_back_open() {
        assertThat(AlertScope.write(List.of())).isNull();
        assertThat(AlertScope.read(null)).isEmpty();
        assertThat(AlertScope.read(AlertScope.write(List.of("acme/a", "acme/b")))).containsExactly("acme/a", "acme/b");
    }

    private static Deployment deploy(String repo, String environment) {
        return new Deployment("d", "org", "project", repo, "s", "Deploy", "success", null, null, null, null,
                environment == null ? Json.object() : Json.object().put("environment", environment), null,
                Instant.EPOCH);
    }
}
