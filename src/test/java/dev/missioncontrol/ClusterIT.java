package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.NodeProcess;
import dev.missioncontrol.testing.Seeds;
import dev.missioncontrol.testing.SseReader;
import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Two server processes on one PostgreSQL database, as in clustered mode. */
class ClusterIT {

    @Test
    void two_nodes_share_the_work_one_worker_per_session_and_stream_each_others_events() throws Exception {
        String url = TestDatabases.freshPostgres();
        Path dir = Files.createTempDirectory("mc-cluster");
        String key = Seeds.organizationKey(dir, url);
        try (NodeProcess a = NodeProcess.start(dir, url, 3, 40, 10);
             NodeProcess b = NodeProcess.start(dir, url, 3, 40, 10);
             Database db = Database.open(DatabaseUrl.resolve(url, dir), "FULL")) {
            Api viaA = new Api(a.baseUrl(), key);
            Api viaB = new Api(b.baseUrl(), key);
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<List<SseReader.Frame>>> streamsOnB = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Api api = i % 2 == 0 ? viaA : viaB;
                String id = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"cluster " + i + "\"}")
                        .json().get("session_id").asText();
                ids.add(id);
                if (i % 2 == 0 && streamsOnB.size() < 20) {
                    streamsOnB.add(follow(b.baseUrl() + "/api/v1/agent-sessions/" + id + "/events/", key));
                }
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(db, "completed") == 200);

            Set<Long> workers = new HashSet<>();
            for (String id : ids) {
                List<JsonNode> events = events(viaA, id);
                assertGapless(events);
                Set<Long> pids = pidsOf(events);
                assertThat(pids).as("session %s was run by one node", id).hasSize(1);
                workers.addAll(pids);
            }
            assertThat(workers).as("both nodes claimed work").containsExactlyInAnyOrder(a.pid(), b.pid());
            assertStreamsOnBSawSessionsRunOnA(streamsOnB, a.pid());
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    private static void assertStreamsOnBSawSessionsRunOnA(List<CompletableFuture<List<SseReader.Frame>>> streams,
            long pidOfA) throws Exception {
        int runOnA = 0;
        for (var stream : streams) {
            List<JsonNode> seen = stream.get().stream().filter(f -> !f.isComment()).map(SseReader.Frame::json).toList();
            assertGapless(seen);
            assertThat(seen.get(seen.size() - 1).path("data").path("status").asText()).isEqualTo("completed");
            if (pidsOf(seen).contains(pidOfA)) {
                runOnA++;
            }
        }
        assertThat(runOnA).as("streams on node B that showed sessions node A ran").isPositive();
    }

    private static CompletableFuture<List<SseReader.Frame>> follow(String url, String key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SseReader.read(url, key, null, f -> !f.isComment()
                        && f.json().path("data").path("status").asText().equals("completed"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static long count(Database db, String status) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM agent_sessions WHERE status = :s")
                .bind("s", status).mapTo(Long.class).one());
    }

    static List<JsonNode> events(Api api, String id) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results").forEach(out::add);
        return out;
    }

    static Set<Long> pidsOf(List<JsonNode> events) {
        Set<Long> pids = new HashSet<>();
        events.stream().filter(e -> e.path("type").asText().equals("tool_result"))
                .forEach(e -> pids.add(e.path("data").path("data").path("pid").asLong()));
        return pids;
    }

    static void assertGapless(List<JsonNode> events) {
        assertThat(events.stream().map(e -> e.get("seq").asLong()).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

}
