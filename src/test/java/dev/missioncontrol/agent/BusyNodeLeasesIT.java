package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.ComputeTool;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A node whose every core computes for a session's step keeps its leases. Renewed on virtual threads, they waited
 * for a free carrier, and steps that compute without pause (the log tools on a paste of tens of megabytes) held every
 * carrier for longer than a lease: the node's leases ran out while it worked, its claim loop took the sessions back
 * from itself as from a crashed node, and each step ran a second time, counted as an attempt of three.
 * PostgreSQL only: its leases run out by its own clock, where SQLite's follow the test's clock, which stands still.
 */
class BusyNodeLeasesIT {
    private static final Duration LEASE = Duration.ofMillis(1500);
    private static final Duration COMPUTING = Duration.ofSeconds(5);

    @Test
    void leases_are_renewed_while_every_core_computes_a_step() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (RuntimeHarness rt = new RuntimeHarness(TestServer.Db.POSTGRES)) {
            ComputeTool tool = new ComputeTool(COMPUTING, cores);
            Brain oneStep = h -> h.last("tool_result").isPresent() ? new Step.Finish(null)
                    : new Step.CallTool(tool.name(), Json.object());
            List<String> ids = IntStream.range(0, cores).mapToObj(i -> rt.newSession()).toList();

            rt.dispatcher(rt.runner(oneStep, tool), "busy-node", cores + 2, LEASE);

            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> rt.status(id) == SessionStatus.COMPLETED));
            assertThat(tool.runs.get()).as("each step ran once").isEqualTo(cores);
            ids.forEach(id -> assertThat(rt.events(id)).noneMatch(e -> e.text().startsWith("Resumed")));
        }
    }
}
