package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.GateTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop with a drain: the load balancer sees not-ready while the node still serves what reaches it. */
class DrainIT {

    @Test
    void a_draining_node_answers_503_on_readyz_and_still_serves_the_api() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            CompletableFuture<Void> draining = drain(server);

            await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/readyz").status() == 503);
            assertThat(api.get("/readyz").json().path("reason").asText()).as("why, for the operator curling it")
                    .isEqualTo("shutting down");
            assertThat(draining).as("still draining").isNotDone();
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\"}").status()).isEqualTo(201);
            draining.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_draining_node_finishes_the_sessions_it_runs_and_starts_no_new_one() throws Exception {
        GateTool gate = new GateTool();
        gate.close();
        var brain = new ScriptedBrain(List.of(h -> new Step.CallTool("gate", Json.object()),
                h -> new Step.Finish(new Report("## Summary\n\ndone", "done", "done", List.of()))));
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> c,
                c -> TestApps.start(c, new Brains(Map.of(), brain), List.of(gate)))) {
            Api api = server.api();
            String running = startSession(api);
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> draining = drain(server);
            await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/readyz").status() == 503);
            String posted = startSession(api);
            gate.open();

            await().atMost(Duration.ofSeconds(3)).until(() -> status(api, running).equals("completed"));
            draining.get(10, TimeUnit.SECONDS);
            assertThat(api.get("/api/v1/agent-sessions/" + posted + "/events/").json().path("count").asInt())
                    .as("left for another node, or this one once restarted").isEqualTo(1);
        }
    }

    /** A stop with a four-second drain, begun on another thread. */
    private static CompletableFuture<Void> drain(TestServer server) {
        return CompletableFuture.runAsync(() -> {
            try {
                server.app().drain(Duration.ofSeconds(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String startSession(Api api) {
        return api.post("/api/v1/agent-sessions/", "{\"prompt\":\"Why is checkout slow?\"}").json()
                .get("session_id").asText();
    }

    private static String status(Api api, String session) {
        return api.get("/api/v1/agent-sessions/" + session + "/").json().path("status").asText();
    }
}
