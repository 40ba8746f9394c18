package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.GateTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Investigations nobody runs do not pile up: past the waiting limit a new one is refused with 429, clearly. */
class SessionQueueLimitIT {

    @Test
    void a_new_investigation_is_refused_with_429_once_the_waiting_limit_is_reached() throws Exception {
        GateTool gate = new GateTool();
        gate.close(); // the node's only worker stays busy with the first session
        var brain = new ScriptedBrain(List.of(h -> new Step.CallTool("gate", Json.object())));
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> c
                        .withLimits(c.limits().withMaxWaitingSessions(2))
                        .withRuntime(c.runtime().withConcurrency(1)),
                c -> TestApps.start(c, new Brains(Map.of(), brain), List.of(gate)))) {
            Api api = server.api();
            String body = "{\"prompt\":\"Why is checkout slow?\"}";
            assertThat(api.post("/api/v1/agent-sessions/", body).status()).isEqualTo(201);
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(api.post("/api/v1/agent-sessions/", body).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/agent-sessions/", body).status()).isEqualTo(201);

            Api.Reply refused = api.post("/api/v1/agent-sessions/", body, Map.of("Idempotency-Key", "retry-me"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.json().path("detail").asText())
                    .startsWith("2 investigations of this organization are waiting for a worker")
                    .contains("--max-waiting-sessions 2");
            assertThat(api.get("/api/v1/agent-sessions/").json().path("count").asInt()).isEqualTo(3);

            gate.open(); // the queue drains, and the same retry is taken
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> api.post(
                    "/api/v1/agent-sessions/", body, Map.of("Idempotency-Key", "retry-me")).status() == 201);
        }
    }
}
