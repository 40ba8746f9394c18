package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Journal;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.store.Json;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the deployment (and so CI and the alerts) gets of a check event's verdict. */
class VerdictJournalTest {
    private static final Lease LEASE = new Lease("s1", "node-a", 1);

    @Test
    void a_verdict_carries_the_other_deployments_its_check_found_within_the_windows() {
        List<JsonNode> published = new ArrayList<>();
        VerdictJournal journal = new VerdictJournal(recordingNothing(), (lease, verdict) -> published.add(verdict));
        var data = Json.object();
        data.putObject("verdict").put("state", "degraded").put("score", 50.0).putArray("checks");
        data.putArray("other_deployments").addObject().put("id", "d0").put("commit_sha", "bbbbbbb")
                .put("status", "success").put("created_at", "2026-11-29T11:59:00Z");

        journal.append(LEASE, "check", "Check 9", data);

        assertThat(published).singleElement().satisfies(v -> {
            assertThat(v.path("state").asText()).isEqualTo("degraded");
            assertThat(v.at("/other_deployments/0/id").asText()).isEqualTo("d0");
        });
        assertThat(data.path("verdict").has("other_deployments")).as("the event itself is left as it was").isFalse();
    }

    @Test
    void a_verdict_without_other_deployments_is_published_as_recorded() {
        List<JsonNode> published = new ArrayList<>();
        VerdictJournal journal = new VerdictJournal(recordingNothing(), (lease, verdict) -> published.add(verdict));
        var data = Json.object();
        data.putObject("verdict").put("state", "healthy");
        data.putArray("other_deployments");

        journal.append(LEASE, "check", "Check 9", data);

        assertThat(published).singleElement().isEqualTo(data.get("verdict"));
        assertThat(published.getFirst().has("other_deployments")).isFalse();
    }

    private static Journal recordingNothing() {
        return (Journal) Proxy.newProxyInstance(Journal.class.getClassLoader(), new Class<?>[] {Journal.class},
                (proxy, method, args) -> null);
    }
}
