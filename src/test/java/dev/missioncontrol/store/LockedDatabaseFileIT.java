package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.App;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.orgs.ApiKeyFormat;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The embedded database file locked by another process (a sqlite3 shell, a backup tool), and a restart after a
 * request died half done: the server answers, and answers soon.
 */
class LockedDatabaseFileIT {
    private static final String DEPLOY = "/api/v1/deployments/";
    private static final String BODY = "{\"deployment_request\":\"ship\",\"repository_full_name\":\"acme/web\","
            + "\"status\":\"pending\"}";

    /**
     * Writers queued behind a write lock another process holds each waited out SQLite's 30 s busy timeout in turn,
     * so the fourth request answered after two minutes, and a read waited as long behind its key's "last used"
     * touch. Now every writer gives up within the busy timeout plus its wait at the gate, answering 503 with
     * Retry-After, and the read is answered 200 without its touch.
     */
    @Test
    void writes_behind_another_processs_lock_are_answered_503_soon_and_reads_still_work() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Api api = server.api();
            Path file = server.dataDir().resolve("missioncontrol.db");
            Instant start;
            List<CompletableFuture<Api.Reply>> writes;
            CompletableFuture<Api.Reply> read;
            try (Connection outsider = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement s = outsider.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                start = Instant.now();
                writes = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> api.post(DEPLOY, BODY), clients)).toList();
                read = CompletableFuture.supplyAsync(() -> api.get(DEPLOY + "?limit=1"), clients);
                CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
                read.join();
                s.execute("ROLLBACK");
            }
            Duration took = Duration.between(start, Instant.now());

            for (CompletableFuture<Api.Reply> write : writes) {
                Api.Reply reply = write.join();
                assertThat(reply.status()).as(reply.body()).isEqualTo(503);
                assertThat(reply.header("Retry-After")).isNotNull();
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(read.join().status()).as(read.join().body()).isEqualTo(200);
            // four writers one after another at the old 30 s each would take 120 s; the bound is two waits of 10 s
            assertThat(took).isLessThan(Duration.ofSeconds(45));
            assertThat(api.post(DEPLOY, BODY).status()).isEqualTo(201);
        }
    }

    /**
     * A request killed between claiming its Idempotency-Key and recording its answer left the claim behind, and the
     * client's retry after the restart was told "retry in 1 s" for two minutes. The embedded database has one server,
     * so at start every unfinished claim is a dead request's, and the retry runs at once.
     */
    @Test
    void a_retry_after_a_restart_runs_at_once_instead_of_waiting_out_a_dead_requests_claim() throws Exception {
        Path dir = Files.createTempDirectory("mc-claims");
        String key;
        try (App app = App.start(AppConfig.forDatabase(dir, null), Clock.systemUTC())) {
            key = app.firstStart().apiKey();
            String org = app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM organizations")
                    .mapTo(String.class).one());
            app.database().jdbi().useHandle(h -> h.execute("INSERT INTO idempotency_keys (org_id, route, idem_key, "
                    + "request_hash, created_at) VALUES (?, ?, 'ci-run-7', ?, ?)", org, DEPLOY,
                    ApiKeyFormat.digest(BODY), System.currentTimeMillis())); // the body's digest, fields in order
        }
        try (App again = App.start(AppConfig.forDatabase(dir, null), Clock.systemUTC())) {
            Api api = new Api("http://127.0.0.1:" + again.port(), key);
            Api.Reply retry = api.post(DEPLOY, BODY, Map.of("Idempotency-Key", "ci-run-7"));

            assertThat(retry.status()).as(retry.body()).isEqualTo(201);
            JsonNode replay = api.post(DEPLOY, BODY, Map.of("Idempotency-Key", "ci-run-7")).json();
            assertThat(replay.get("id").asText()).isEqualTo(retry.json().get("id").asText());
        }
    }
}
