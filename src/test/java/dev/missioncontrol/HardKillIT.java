package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.NodeProcess;
import dev.missioncontrol.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SIGKILL the embedded-database server mid-work; after a restart every session still finishes, each step once. */
class HardKillIT {
    private static final int SESSIONS = 100;
    private static final int STEPS = 8;

    @Test
    void every_session_reaches_a_terminal_state_after_a_sigkill_and_restart() throws Exception {
        Path dir = Files.createTempDirectory("mc-kill");
        String key = Seeds.organizationKey(dir, null);
        List<String> ids = new ArrayList<>();
        try (NodeProcess first = NodeProcess.start(dir, null, STEPS, 250, 3);
             Database db = Database.open(DatabaseUrl.resolve(null, dir), "FULL")) {
            Api api = new Api(first.baseUrl(), key);
            for (int i = 0; i < SESSIONS; i++) {
                ids.add(api.post("/api/v1/agent-sessions/", "{\"prompt\":\"kill " + i + "\"}").json()
                        .get("session_id").asText());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> running(db) >= 10);
            first.kill();
            long activeAtKill = ClusterIT.count(db, "active");
            assertThat(activeAtKill).as("sessions were still running when the node died").isPositive();

            try (NodeProcess second = NodeProcess.start(dir, null, STEPS, 250, 3)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ClusterIT.count(db, "active") == 0);
                Api after = new Api(second.baseUrl(), key);
                assertThat(ClusterIT.count(db, "completed")).isEqualTo(SESSIONS);
                ids.forEach(id -> assertEachStepOnce(ClusterIT.events(after, id)));
            }
        }
    }

    private static long running(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT session_id) FROM session_events "
                + "WHERE type = 'tool_call'").mapTo(Long.class).one());
    }

    private static void assertEachStepOnce(List<JsonNode> events) {
        ClusterIT.assertGapless(events);
        Map<String, Long> thoughts = events.stream().filter(e -> e.path("type").asText().equals("thought"))
                .collect(Collectors.groupingBy(e -> e.path("text").asText(), Collectors.counting()));
        assertThat(thoughts).hasSize(STEPS).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1));
        long reports = events.stream().filter(e -> e.path("type").asText().equals("report")).count();
        assertThat(reports).isEqualTo(1);
        assertThat(events.stream().map(e -> e.path("type").asText()).collect(Collectors.toList()))
                .filteredOn(t -> t.equals("tool_call")).hasSize(STEPS);
        Function<JsonNode, String> type = e -> e.path("type").asText();
        assertThat(type.apply(events.get(events.size() - 1))).isEqualTo("status");
    }
}
