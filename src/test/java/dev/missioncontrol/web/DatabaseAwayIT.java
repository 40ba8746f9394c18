package dev.missioncontrol.web;

import static dev.missioncontrol.web.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TcpProxy;
import dev.missioncontrol.testing.TestDatabases;
import dev.missioncontrol.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** PostgreSQL goes away under a running server: readiness says so promptly, requests get a 503, and both recover. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own server and database, and mostly waits out an outage
class DatabaseAwayIT {

    @Test
    void an_outage_is_a_prompt_not_ready_and_a_503_with_retry_after_until_the_database_is_back() {
        try (TestServer server = TestServer.start(TestServer.Db.POSTGRES)) {
            Api api = server.api();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            TestDatabases.allowConnections(server.databaseUrl(), false);
            try {
                // the pool's idle connections are gone with their backends; readiness must not wait out the pool
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/readyz").status() == 503);
                assertThat(api.get("/readyz").json().path("reason").asText())
                        .isEqualTo("the database does not answer");
                Api.Reply write = api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                        + "\"repository_full_name\":\"acme/web\"}");
                assertProblem(write, 503);
                assertThat(write.header("Retry-After")).isNotBlank();
            } finally {
                TestDatabases.allowConnections(server.databaseUrl(), true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/readyz").status() == 200);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\"}").status()).isEqualTo(201);
        }
    }

    /**
     * Prometheus scrapes every node during an outage too, when its pool figures are most needed; a scrape that waits
     * on the database for the session counts, scrape after scrape, runs into the scrape timeout of a busy
     * Prometheus. The counts are unknown (NaN) until the database answers again.
     */
    @Test
    void metrics_answer_without_waiting_on_the_database_while_it_is_away() {
        try (TestServer server = TestServer.start(TestServer.Db.POSTGRES)) {
            Api api = server.api();
            assertThat(api.get("/metrics").body()).contains("missioncontrol_sessions_waiting 0.0");
            TestDatabases.allowConnections(server.databaseUrl(), false);
            try {
                // the counts of just before the outage are shown while fresh; a query then gets its half second
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/metrics").body()
                        .contains("missioncontrol_sessions_waiting NaN"));
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    Api.Reply scrape = api.get("/metrics");
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(scrape.status()).isEqualTo(200);
                    assertThat(scrape.body()).contains("missioncontrol_sessions_waiting NaN")
                            .contains("hikaricp_connections_pending");
                    // waiting, the two gauges took their half second each: a scrape never came back under 1 s
                    assertThat(took).as("scrape %d since the counts went unknown", i + 1).isLessThan(Duration.ofMillis(900));
                }
            } finally {
                TestDatabases.allowConnections(server.databaseUrl(), true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/metrics").body()
                    .contains("missioncontrol_sessions_waiting 0.0"));
        }
    }

    /**
     * A failover or a network cut leaves connections half-open: nothing answers on them, and nothing closes them. A
     * connection the pool was opening then must not hold the pool for the quarter hour TCP takes to give up.
     */
    @Test
    void a_node_whose_database_fell_silent_is_ready_again_once_the_database_answers() {
        URI db = URI.create("tcp://" + TestDatabases.postgresHost());
        try (TcpProxy proxy = TcpProxy.to(db.getHost(), db.getPort());
             TestServer server = TestServer.start(TestServer.Db.POSTGRES, c -> through(c, proxy))) {
            Api api = server.api();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            long silencedAt = System.currentTimeMillis();
            proxy.silence();
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/readyz").status() == 503);
            await().atMost(Duration.ofSeconds(30)).until(() -> proxy.heldSilently() > 0);
            proxy.speak();
            await().atMost(Duration.ofSeconds(40)).until(() -> api.get("/readyz").status() == 200);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\"}").status()).isEqualTo(201);
            // the notification connection waits for news, so it notices a silence only by asking
            await().atMost(Duration.ofSeconds(40)).until(() -> TestDatabases.connectionsSince(server.databaseUrl(),
                    "missioncontrol-listen", silencedAt) > 0);
        }
    }

    /**
     * A statement in flight when the database falls silent (its answer lost in a failover or a network cut) fails
     * at the bound a statement waits for its answer, and the request is answered 503; the database ends the
     * transaction the cut left open, so its row locks do not shut every later deploy of the project out. The bounds
     * are shortened in the URL here, as an operator may; a node's own are a minute each (DatabasePoolIT).
     */
    @Test
    void a_statement_cut_off_by_a_silent_database_is_answered_503_and_its_locks_are_released() throws Exception {
        URI db = URI.create("tcp://" + TestDatabases.postgresHost());
        String ship = "{\"deployment_request\":\"Ship\",\"repository_full_name\":\"acme/web\"}";
        try (TcpProxy proxy = TcpProxy.to(db.getHost(), db.getPort());
             TestServer server = TestServer.start(TestServer.Db.POSTGRES, c -> through(c, proxy,
                     "&socketTimeout=4&options=-c%20idle_in_transaction_session_timeout%3D2000"))) {
            Api api = server.api();
            assertThat(api.post("/api/v1/deployments/", ship).status()).isEqualTo(201);
            CompletableFuture<Api.Reply> cutOff;
            try (Connection holder = TestDatabases.connect(server.databaseUrl())) {
                holder.setAutoCommit(false);
                holder.createStatement().execute("SELECT id FROM projects WHERE repository_full_name = 'acme/web' "
                        + "FOR UPDATE");
                cutOff = CompletableFuture.supplyAsync(() -> api.post("/api/v1/deployments/", ship));
                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(
                        () -> TestDatabases.waitingForLock(server.databaseUrl(), "missioncontrol"));
                proxy.silence(); // the lock is granted now, and the answer never reaches the server
                holder.commit();
            }
            assertProblem(cutOff.get(30, TimeUnit.SECONDS), 503);
            proxy.speak();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/api/v1/deployments/", ship).status() == 201);
        }
    }

    /**
     * A live timeline outlives a database outage: ended, the stream would be reopened into a 503, on which a
     * browser's EventSource gives up for good.
     */
    @Test
    void a_live_timeline_stays_open_through_a_database_outage_and_goes_on_after_it() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.POSTGRES,
                c -> c.withRuntime(c.runtime().withKeepAlive(Duration.ofMillis(500))))) {
            Api api = server.api();
            String id = api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\",\"status\":\"success\"}").json()
                    .get("agent_session_id").asText();
            List<String> lines = new CopyOnWriteArrayList<>();
            AtomicBoolean ended = new AtomicBoolean();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl()
                            + "/api/v1/agent-sessions/" + id + "/events/")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + server.firstKey()).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                        r.body().forEach(lines::add);
                        ended.set(true);
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("id: 1"));
            TestDatabases.allowConnections(server.databaseUrl(), false);
            try {
                // a request that waited out the pool has been refused; the stream's wait for the database began
                // before it, so what the stream does next follows its own refusal
                await().atMost(Duration.ofSeconds(30)).until(() -> poolTimeouts(api) > 0);
                int seen = lines.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> ended.get()
                        || lines.subList(seen, lines.size()).contains(": keep-alive"));
                assertThat(ended).as("the stream ended with the database away").isFalse();
            } finally {
                TestDatabases.allowConnections(server.databaseUrl(), true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> api.post("/api/v1/agent-sessions/" + id + "/cancel/",
                    "{}").status() == 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                    .anyMatch(l -> l.contains("Session cancelled by first key")));
        }
    }

    /** Connection requests the pool refused after waiting its whole timeout, from /metrics. */
    private static double poolTimeouts(Api api) {
        var m = java.util.regex.Pattern.compile("(?m)^hikaricp_connections_timeout_total\\{[^}]*} (\\S+)$")
                .matcher(api.get("/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * The configuration with its PostgreSQL URL pointing at the proxy instead, without TLS as on many private
     * networks: the driver's wait for a TLS answer is bounded, its wait for the login's is not.
     */
    private static AppConfig through(AppConfig c, TcpProxy proxy) {
        return through(c, proxy, "");
    }

    /** As {@link #through(AppConfig, TcpProxy)}, with more URL parameters ({@code "&name=value"}). */
    private static AppConfig through(AppConfig c, TcpProxy proxy, String parameters) {
        URI db = URI.create(c.databaseUrl());
        String url = c.databaseUrl().replace(db.getHost() + ":" + db.getPort(), "127.0.0.1:" + proxy.port())
                + "?sslmode=disable" + parameters;
        return new AppConfig(c.port(), c.dataDir(), url, c.baseUrl(), c.sqliteSynchronous(), c.dbPoolSize(),
                c.limits(), c.runtime(), c.integrations(), c.llm());
    }
}
