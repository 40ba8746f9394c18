package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTest {
    private static final Deployment HEALTHY = deploy("now", "production", "healthy");

    @Test
    void a_healthy_verdict_ends_the_latest_alert_of_its_environment_past_undecided_deploys() {
        Deployment alerted = deploy("a", "production", "degraded");
        List<Deployment> earlier = List.of(deploy("b", "production", "inconclusive"), deploy("c", "production", null),
                deploy("d", "staging", "healthy"), alerted, deploy("e", "production", "failed"));

        assertThat(Recovery.endedAlert(HEALTHY, earlier)).contains(alerted);
    }

    @Test
    void an_alert_already_ended_or_never_raised_is_not_ended_again() {
        assertThat(Recovery.endedAlert(HEALTHY, List.of(deploy("a", "production", "healthy"),
                deploy("b", "production", "failed")))).isEmpty();
        assertThat(Recovery.endedAlert(HEALTHY, List.of(deploy("a", "production", "marginal"),
                deploy("b", "production", "degraded")))).isEmpty();
        assertThat(Recovery.endedAlert(HEALTHY, List.of(deploy("a", "staging", "degraded")))).isEmpty();
        assertThat(Recovery.endedAlert(HEALTHY, List.of())).isEmpty();
    }

    /**
     * CI posts a deploy's pending event, then its success: one session, two rows, both given the session's healthy
     * verdict. The earlier row is the deploy itself, not a deploy in between that ended the alert already.
     */
    @Test
    void the_deploys_own_earlier_event_does_not_hide_the_alert_it_ends() {
        Deployment alerted = deploy("a", "production", "degraded");
        Deployment ownPendingEvent = new Deployment("now-pending", "org", "project", "acme/web", HEALTHY.sessionId(),
                "Deploy", "pending", null, null, null, null, HEALTHY.eventMetadata(), HEALTHY.verdict(), Instant.EPOCH);

        assertThat(Recovery.endedAlert(HEALTHY, List.of(ownPendingEvent, alerted))).contains(alerted);
    }

    /** A rollback workflow that writes the environment otherwise than the deploy workflow still ends its alert. */
    @Test
    void an_alert_in_the_same_environment_written_in_another_case_is_ended() {
        Deployment alerted = deploy("a", "Production", "degraded");

        assertThat(Recovery.endedAlert(HEALTHY, List.of(alerted))).contains(alerted);
        assertThat(Recovery.endedAlert(deploy("x", null, "healthy"), List.of(alerted))).isEmpty();
    }

    private static Deployment deploy(String id, String environment, String state) {
        return new Deployment(id, "org", "project", "acme/web", "session-" + id, "Deploy", "success", null, null,
                null, null, Json.object().put("environment", environment),
                state == null ? null : Json.object().put("state", state), Instant.EPOCH);
    }
}
