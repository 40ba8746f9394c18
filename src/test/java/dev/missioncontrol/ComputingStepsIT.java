package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.ComputeTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server answers while its sessions compute. Steps ran on virtual threads, which share the carriers the web
 * server's requests run on and are never preempted: with one log analysis of a large paste per core, no request was
 * answered, /healthz included, until an analysis ended. Steps now run on threads of their own that the operating
 * system schedules beside the carriers.
 */
class ComputingStepsIT {
    private static final Duration COMPUTING = Duration.ofSeconds(8);

    @Test
    void requests_are_answered_while_a_step_computes_on_every_core() throws Exception {
        int steps = Runtime.getRuntime().availableProcessors(); // as many as virtual threads have carriers
        ComputeTool tool = new ComputeTool(COMPUTING, steps);
        var brain = new ScriptedBrain(List.of(h -> new Step.CallTool(tool.name(), Json.object())));
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> c
                        .withRuntime(c.runtime().withConcurrency(steps)),
                c -> TestApps.start(c, new Brains(Map.of(), brain), List.of(tool)))) {
            Api api = server.api();
            for (int i = 0; i < steps; i++) {
                assertThat(api.post("/api/v1/agent-sessions/", "{\"prompt\":\"Why is it slow?\"}").status())
                        .isEqualTo(201);
            }
            assertThat(tool.started.await(30, TimeUnit.SECONDS)).isTrue();

            Instant asked = Instant.now();
            Api.Reply health = new Api(server.baseUrl(), null).get("/healthz");
            Api.Reply list = api.get("/api/v1/agent-sessions/?limit=1");
            Duration took = Duration.between(asked, Instant.now());

            assertThat(health.status()).isEqualTo(200);
            assertThat(list.status()).isEqualTo(200);
            // behind the steps the answers came after them, COMPUTING later; a busy machine still answers in a second
            assertThat(took).isLessThan(COMPUTING.dividedBy(2));
        }
    }
}
