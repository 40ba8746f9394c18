package dev.missioncontrol.notify;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.push;
import static dev.missioncontrol.testing.MonitorFixtures.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A degraded verdict reaches signed webhooks and Slack through the outbox, with retries and a delivery log, on SQLite
 * and on PostgreSQL (pushed signals, verdicts and the outbox all go through both databases).
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own server and mostly waits out a bake
class WebhookDeliveryIT {
    private static final String HOOKS = "/api/v1/notifications/webhooks/";

    /** What the test's receiver got. */
    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void degraded_verdict_is_delivered_signed_and_retried_after_a_500(TestServer.Db db) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger hookCalls = new AtomicInteger();
        HttpServer receiver = receiver(received, hookCalls);
        try (TestServer server = TestServer.start(db,
                c -> MonitorFixtures.allowLoopback(null).apply(MonitorFixtures.fastSchedule().apply(c)))) {
            Api api = server.api();
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"" + base + "/hook\",\"name\":\"ops\"}").json();
            String secret = hook.get("secret").asText();
            assertThat(api.post(HOOKS, "{\"kind\":\"slack\",\"url\":\"" + base + "/slack\"}").status()).isEqualTo(201);
            Api otherOrg = server.api(server.newOrgKey("other-" + System.nanoTime(), Scope.all()));
            assertThat(otherOrg.post(HOOKS, "{\"url\":\"" + base + "/other\"}").status()).isEqualTo(201);

            String repo = "acme/notified";
            push(api, samples(repo, "error_rate", Instant.now().minusSeconds(12), Duration.ofMillis(100), 120, 1.0, 3));
            // the environment is the pipeline's free text: Slack must show it, not act on it
            JsonNode created = api.post(MonitorFixtures.DEPLOY, "{\"deployment_request\":\"Deploy\","
                    + "\"repository_full_name\":\"" + repo + "\",\"status\":\"success\",\"commit_sha\":\"abcdef1234\","
                    + "\"event_metadata\":{\"environment\":\"prod <!channel>\"}}").json();
            Instant at = Instant.parse(created.get("created_at").asText());
            push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 40, 5.0, 5));
            assertThat(awaitVerdict(api, created.get("id").asText()).at("/verdict/state").asText()).isEqualTo("degraded");

            await().atMost(Duration.ofSeconds(20)).until(() -> hookCalls.get() >= 2
                    && received.stream().anyMatch(r -> r.path().equals("/slack")));
            List<Received> hooks = received.stream().filter(r -> r.path().equals("/hook")).toList();
            for (Received r : hooks) {
                long ts = Long.parseLong(r.header(Signature.TIMESTAMP_HEADER));
                assertThat(Signature.verify(secret, ts, r.body(), r.header(Signature.HEADER))).isTrue();
                assertThat(Signature.verify("wrong-secret-000000", ts, r.body(), r.header(Signature.HEADER))).isFalse();
            }
            JsonNode payload = Json.read(hooks.get(1).body());
            assertThat(payload.get("event").asText()).isEqualTo("deployment.verdict");
            assertThat(payload.at("/verdict/state").asText()).isEqualTo("degraded");
            assertThat(payload.at("/deployment/id").asText()).isEqualTo(created.get("id").asText());
            Received slack = received.stream().filter(r -> r.path().equals("/slack")).findFirst().orElseThrow();
            String deploymentPage = "/deployments/" + created.get("id").asText();
            assertThat(Json.read(slack.body()).get("text").asText()).contains("acme/notified").contains("degraded")
                    .contains(" to prod &lt;!channel&gt; is").doesNotContain("<!channel>")
                    .contains("\n> Deploy\n").contains(deploymentPage + "|Deployment>").contains("|Monitor session>");
            assertThat(payload.get("deployment_url").asText()).endsWith(deploymentPage);
            assertThat(payload.at("/deployment/environment").asText()).isEqualTo("prod <!channel>");
            assertThat(slack.header(Signature.HEADER)).isNull();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertDeliveryLog(api, created.get("id").asText()));
            JsonNode listed = api.get(HOOKS).json().get("results").get(0);
            assertThat(listed.get("name").asText()).isEqualTo("ops");
            assertThat(listed.at("/health/failing").asBoolean()).as("delivered on its retry").isFalse();
            assertThat(listed.at("/health/last_attempt_at").isTextual()).isTrue();
            assertThat(listed.at("/health/retrying").asInt()).isZero();
            assertOtherOrganizationSeesNothing(otherOrg, hook.get("id").asText(), received);
            String metrics = api.get("/metrics").body();
            assertThat(metrics).as("what an operator scrapes").contains("missioncontrol_verdicts_total{state=\"degraded\"}")
                    .contains("missioncontrol_notification_attempts_total{outcome=\"will_retry\"}")
                    .contains("missioncontrol_notification_attempts_total{outcome=\"delivered\"}")
                    .contains("hikaricp_connections_active").contains("missioncontrol_sessions_waiting")
                    .contains("missioncontrol_sessions_running");
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A final verdict is never seen before its alert is queued: while the outbox refuses the alert, the step that
     * records the verdict crashes and the deployment stays undecided; once the outbox takes it, the retried step
     * records both, and the alert is delivered.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void a_verdict_whose_alert_cannot_be_queued_is_not_recorded_without_it(TestServer.Db db) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received, new AtomicInteger(1)); // no first 500
        try (TestServer server = TestServer.start(db, MonitorFixtures.allowLoopback(null))) {
            Api api = server.api();
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            assertThat(api.post(HOOKS, "{\"url\":\"" + base + "/hook\",\"name\":\"ops\"}").status())
                    .isEqualTo(201);
            var jdbi = server.app().database().jdbi();
            jdbi.useHandle(h -> refuseOutbox(h, db));

            JsonNode created = MonitorFixtures.deploy(api, "acme/refused", "failure");
            String sessionId = created.get("agent_session_id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM session_events WHERE session_id = :s AND text LIKE 'Step crashed%'")
                    .bind("s", sessionId).mapTo(Integer.class).one()) > 0);
            JsonNode undecided = api.get(MonitorFixtures.DEPLOY + created.get("id").asText() + "/").json();
            assertThat(undecided.at("/verdict/state").asText()).as("no verdict without its alert")
                    .isNotEqualTo("failed");

            jdbi.useHandle(h -> h.execute("DROP TRIGGER refuse_outbox"
                    + (db == TestServer.Db.POSTGRES ? " ON notification_outbox" : "")));
            assertThat(awaitVerdict(api, created.get("id").asText()).at("/verdict/state").asText()).isEqualTo("failed");
            await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(r -> r.path().equals("/hook")
                    && r.body().contains(created.get("id").asText())));
        } finally {
            receiver.stop(0);
        }
    }

    private static void refuseOutbox(Handle h, TestServer.Db db) {
        if (db == TestServer.Db.POSTGRES) {
            h.execute("CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'outbox refused'; "
                    + "END $$ LANGUAGE plpgsql");
            h.execute("CREATE TRIGGER refuse_outbox BEFORE INSERT ON notification_outbox FOR EACH ROW "
                    + "EXECUTE FUNCTION refuse_outbox()");
        } else {
            h.execute("CREATE TRIGGER refuse_outbox BEFORE INSERT ON notification_outbox "
                    + "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END");
        }
    }

    /**
     * A rollback judged healthy tells the webhooks that got the degraded deploy's alert that it is over, naming that
     * deploy; a webhook added since never heard of the alert and hears nothing of its end.
     */
    @Test
    void a_healthy_deploy_after_an_alert_tells_whoever_got_the_alert_that_it_is_over() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received, new AtomicInteger(1)); // no first 500
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE,
                c -> MonitorFixtures.allowLoopback(null).apply(MonitorFixtures.fastSchedule().apply(c)))) {
            Api api = server.api();
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            api.post(HOOKS, "{\"url\":\"" + base + "/hook\",\"name\":\"ops\"}");
            api.post(HOOKS, "{\"kind\":\"slack\",\"url\":\"" + base + "/slack\"}");
            // scoped webhooks: this repository (named in other case); another one; this one, in production only
            api.post(HOOKS, "{\"url\":\"" + base + "/mine\",\"repositories\":[\"ACME/Rolled-Back\"]}");
            api.post(HOOKS, "{\"url\":\"" + base + "/elsewhere\",\"repositories\":[\"acme/other\"]}");
            api.post(HOOKS, "{\"url\":\"" + base + "/prod\",\"repositories\":[\"acme/rolled-back\"],"
                    + "\"environments\":[\"production\"]}");
            String repo = "acme/rolled-back";
            push(api, samples(repo, "error_rate", Instant.now().minusSeconds(12), Duration.ofMillis(100), 120, 1.0, 3));
            JsonNode bad = deployOf(api, repo, "badbad1234");
            Instant at = Instant.parse(bad.get("created_at").asText());
            push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 40, 5.0, 5));
            assertThat(awaitVerdict(api, bad.get("id").asText()).at("/verdict/state").asText()).isEqualTo("degraded");
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
            api.post(HOOKS, "{\"url\":\"" + base + "/late\",\"name\":\"late\"}");

            JsonNode rollback = deployOf(api, repo, "600d001234");
            Instant back = Instant.parse(rollback.get("created_at").asText());
            // reporting through the whole bake, as a service that recovered does
            push(api, samples(repo, "error_rate", back.plusMillis(20), Duration.ofMillis(260), 40, 1.0, 7));
            assertThat(awaitVerdict(api, rollback.get("id").asText()).at("/verdict/state").asText())
                    .isEqualTo("healthy");

            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 6);
            JsonNode over = received.stream().filter(r -> r.path().equals("/hook")).map(r -> Json.read(r.body()))
                    .filter(b -> b.get("event").asText().equals("deployment.recovered")).findFirst().orElseThrow();
            assertThat(over.at("/deployment/id").asText()).isEqualTo(rollback.get("id").asText());
            assertThat(over.at("/verdict/state").asText()).isEqualTo("healthy");
            assertThat(over.at("/recovered_from/id").asText()).isEqualTo(bad.get("id").asText());
            assertThat(over.at("/recovered_from/state").asText()).isEqualTo("degraded");
            String slack = Json.read(received.stream().filter(r -> r.path().equals("/slack")).toList().get(1).body())
                    .get("text").asText();
            assertThat(slack).startsWith(":white_check_mark: Deploy acme/rolled-back @ 600d001 is *healthy*")
                    .contains("/deployments/" + bad.get("id").asText() + "|deploy badbad1> was *degraded*");
            Thread.sleep(1_000); // the delivery loop's next round, which would send the late webhook anything due
            assertThat(received).extracting(Received::path).containsExactlyInAnyOrder("/hook", "/slack", "/mine",
                    "/hook", "/slack", "/mine");
        } finally {
            receiver.stop(0);
        }
    }

    private static JsonNode deployOf(Api api, String repo, String sha) {
        return api.post(MonitorFixtures.DEPLOY, "{\"deployment_request\":\"Deploy " + sha + "\","
                + "\"repository_full_name\":\"" + repo + "\",\"status\":\"success\",\"commit_sha\":\"" + sha + "\"}")
                .json();
    }

    /** Another organization's admin neither gets this organization's verdicts nor sees or touches its webhooks. */
    private static void assertOtherOrganizationSeesNothing(Api otherOrg, String hookId, List<Received> received) {
        assertThat(received).noneMatch(r -> r.path().equals("/other"));
        JsonNode own = otherOrg.get(HOOKS).json();
        assertThat(own.get("count").asInt()).isEqualTo(1);
        assertThat(own.at("/results/0/url").asText()).endsWith("/other");
        assertThat(otherOrg.get("/api/v1/notifications/deliveries/").json().get("count").asInt()).isZero();
        assertThat(otherOrg.send(otherOrg.builder(HOOKS + hookId + "/").DELETE().build()).status()).isEqualTo(404);
    }

    /**
     * Answers "did the alert for this deploy go out?": each attempt names the deployment and its own outcome (the
     * first, answered 500, failed and scheduled a retry, though the notification is delivered now).
     */
    private static void assertDeliveryLog(Api api, String deploymentId) {
        JsonNode log = api.get("/api/v1/notifications/deliveries/").json().get("results");
        List<JsonNode> ops = new java.util.ArrayList<>();
        log.forEach(d -> {
            if (d.get("webhook_name").asText().equals("ops")) {
                ops.add(d);
            }
        });
        assertThat(ops).hasSize(2);
        assertThat(ops.get(1).get("attempt").asInt()).isEqualTo(1);
        assertThat(ops.get(1).get("status_code").asInt()).isEqualTo(500);
        assertThat(ops.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(ops.get(0).get("status_code").asInt()).isEqualTo(200);
        assertThat(ops.get(0).get("state").asText()).isEqualTo("delivered");
        assertThat(ops).allSatisfy(d -> {
            assertThat(d.get("deployment_id").asText()).isEqualTo(deploymentId);
            assertThat(d.get("repository_full_name").asText()).isEqualTo("acme/notified");
        });
        assertThat(ops.get(1).get("outcome").asText()).isEqualTo("will_retry");
        assertThat(Instant.parse(ops.get(1).get("next_retry_at").asText()))
                .isAfter(Instant.parse(ops.get(1).get("at").asText()));
        assertThat(ops.get(0).get("outcome").asText()).isEqualTo("delivered");
        assertThat(ops.get(0).get("next_retry_at").isNull()).isTrue();
    }

    /** On both databases: the removal cancels what waits (an update of the outbox), and a retry by hand finds it. */
    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void webhook_urls_on_private_networks_are_refused_and_only_admins_manage_webhooks(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            Api api = server.api();
            for (String url : List.of("http://127.0.0.1/", "http://[::1]/", "http://0x7f000001/",
                    "http://2130706433/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/hook")) {
                Api.Reply r = api.post(HOOKS, "{\"url\":\"" + url + "\"}");
                assertThat(r.status()).as(url + " " + r.body()).isEqualTo(422);
                assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/url");
            }
            assertThat(api.post(HOOKS, "{\"url\":\"https://93.184.216.34/hook\",\"kind\":\"teams\"}").status())
                    .isEqualTo(422);
            String deployer = server.newOrgKey("ci-" + System.nanoTime(), Set.of(Scope.DEPLOYMENTS_WRITE));
            assertThat(server.api(deployer).get(HOOKS).status()).isEqualTo(403);
            JsonNode made = api.post(HOOKS, "{\"url\":\"https://93.184.216.34/hook\",\"secret\":\"0123456789abcdef\"}")
                    .json();
            Api.Reply twice = api.post(HOOKS, "{\"url\":\"https://93.184.216.34/hook\",\"kind\":\"slack\"}");
            assertThat(twice.status()).as("a second webhook to one URL would post every alert twice").isEqualTo(422);
            assertThat(twice.json().at("/errors/0/detail").asText())
                    .isEqualTo("is already the URL of the webhook \"93.184.216.34\"; remove that one first to change "
                            + "its kind or name");
            JsonNode listed = api.get(HOOKS).json();
            assertThat(listed.get("count").asInt()).isEqualTo(1);
            assertThat(listed.toString()).doesNotContain("0123456789abcdef");
            assertThat(server.api(deployer).get(HOOKS).status()).isEqualTo(403);
            String retry = HOOKS + made.get("id").asText() + "/retry/";
            assertThat(api.post(retry, "{}").json().get("requeued").asInt()).as("nothing was given up").isZero();
            assertThat(server.api(deployer).post(retry, "{}").status()).isEqualTo(403);
            var deleted = api.send(api.builder(HOOKS + made.get("id").asText() + "/").DELETE().build());
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.header("Content-Type")).as("no content, so no content type").isNull();
            assertThat(api.get(HOOKS).json().get("count").asInt()).isZero();
            assertThat(api.post(retry, "{}").status()).as("a removed webhook").isEqualTo(404);
        }
    }

    @Test
    void a_webhook_name_with_a_line_break_is_refused_so_it_cannot_forge_a_log_line() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            for (String name : List.of("evil\\r\\n2026-01-01 INFO forged line", "bell\\u0007", "esc\\u001b[31m")) {
                Api.Reply r = api.post(HOOKS, "{\"url\":\"https://93.184.216.34/hook\",\"name\":\"" + name + "\"}");
                assertThat(r.status()).as(name + " " + r.body()).isEqualTo(422);
                assertThat(r.json().at("/errors/0/pointer").asText()).isEqualTo("/name");
                assertThat(r.json().at("/errors/0/detail").asText()).contains("control characters");
            }
            assertThat(api.get(HOOKS).json().get("count").asInt()).isZero();
            assertThat(api.post(HOOKS, "{\"url\":\"https://93.184.216.34/hook\",\"name\":\"tab\\tok\"}").status())
                    .isEqualTo(201);
        }
    }

    /** A scope's names are checked like the fields they match; the list shows the scope, an open side as []. */
    @Test
    void a_webhooks_repositories_and_environments_are_checked_and_listed() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            Api.Reply bad = api.post(HOOKS, "{\"url\":\"https://93.184.216.34/a\",\"repositories\":[\"acme/web\","
                    + "\"no spaces/allowed here\"],\"environments\":[\"prod\\nINFO forged\"]}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().at("/errors/0/pointer").asText()).isEqualTo("/repositories/1");
            assertThat(bad.json().at("/errors/1/pointer").asText()).isEqualTo("/environments/0");
            assertThat(api.post(HOOKS, "{\"url\":\"https://93.184.216.34/a\",\"repositories\":\"acme/web\"}")
                    .status()).as("a list, not one name").isEqualTo(422);
            assertThat(api.post(HOOKS, "{\"url\":\"https://93.184.216.34/a\",\"repositories\":[\"acme/web\","
                    + "\"acme/web\"],\"environments\":[\" production \"]}").status()).isEqualTo(201);
            assertThat(api.post(HOOKS, "{\"url\":\"https://93.184.216.34/b\"}").status()).isEqualTo(201);
            JsonNode listed = api.get(HOOKS).json().get("results");
            assertThat(listed.get(0).get("repositories").toString()).isEqualTo("[\"acme/web\"]");
            assertThat(listed.get(0).get("environments").toString()).isEqualTo("[\"production\"]");
            assertThat(listed.get(1).get("repositories").toString()).isEqualTo("[]");
            assertThat(listed.get(1).get("environments").toString()).isEqualTo("[]");
        }
    }

    @Test
    void a_slack_webhook_url_is_listed_masked_because_it_is_the_credential() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            var jdbi = server.app().database().jdbi();
            String orgId = new dev.missioncontrol.orgs.UserStore(jdbi, java.time.Clock.systemUTC())
                    .findByEmail(server.app().firstStart().email()).orElseThrow().orgId();
            // stored directly: the SSRF guard would look the Slack host up in DNS, which tests do not reach
            new WebhookStore(jdbi, java.time.Clock.systemUTC()).create(orgId, Webhook.SLACK, "ops",
                    "https://hooks.slack.com/services/T0AAA/B0BBB/secretPart123", null);

            JsonNode listed = server.api().get(HOOKS).json();
            assertThat(listed.at("/results/0/url").asText()).isEqualTo("https://hooks.slack.com/services/…");
            assertThat(listed.toString()).doesNotContain("secretPart123").doesNotContain("B0BBB");
        }
    }

    /** Answers the first call to /hook with 500 and every later one with 200. */
    private static HttpServer receiver(List<Received> received, AtomicInteger hookCalls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            int status = path.equals("/hook") && hookCalls.incrementAndGet() == 1 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
