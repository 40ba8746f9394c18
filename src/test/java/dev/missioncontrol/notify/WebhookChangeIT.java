package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A webhook's URL as admins manage it: fixed in place, what waited for the old URL going to the new one, and one
 * webhook to a URL however it is written.
 */
class WebhookChangeIT {
    private static final String HOOKS = "/api/v1/notifications/webhooks/";

    /** What the receiver got at its new address. */
    record Received(String body, String timestamp, String signature) {
    }

    /**
     * A webhook that moved answers a redirect, and the log says to change its URL. Changed in place, through the same
     * checks as a new one, the failed deploy's alert waiting an hour for its retry goes to the new URL at once, signed
     * with the new secret; removing the webhook and adding another would have cancelled it.
     */
    @Test
    void changing_a_webhooks_url_sends_the_alert_waiting_for_it_there_at_once() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"" + base + "/moved\",\"name\":\"ops\"}").json();
            String path = HOOKS + hook.get("id").asText() + "/";
            JsonNode failed = MonitorFixtures.deploy(api, "acme/moved", "failure");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notifications/deliveries/").json()
                    .at("/count").asInt() == 1);
            assertThat(api.get("/api/v1/notifications/deliveries/").json().at("/results/0/error").asText())
                    .contains("answered 302").contains("change the webhook's URL to where it points");

            assertRefusedLikeANewWebhook(server, api, path, base);
            String secret = "whsec_changed_0123456789";
            Api.Reply changed = api.patch(path, "{\"url\":\"" + base + "/new\",\"secret\":\"" + secret + "\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("url").asText()).endsWith("/new");
            assertThat(changed.json().get("id").asText()).isEqualTo(hook.get("id").asText());

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            Received r = received.getFirst();
            assertThat(r.body()).contains(failed.get("id").asText());
            assertThat(Signature.verify(secret, Long.parseLong(r.timestamp()), r.body(), r.signature())).isTrue();
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A channel that should hear of fewer deploys is narrowed in place, keeping its log. The alert of a deploy it now
     * leaves out, waiting for its retry when the change came, is dropped as out of scope rather than sent; a later
     * one about that repository is not queued at all; one about the repository it kept arrives.
     */
    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void narrowing_a_webhooks_scope_drops_what_waits_for_it_about_the_deploys_it_leaves_out(TestServer.Db db)
            throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestServer server = TestServer.start(db, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"" + base + "/moved\",\"name\":\"ops\"}").json();
            String path = HOOKS + hook.get("id").asText() + "/";
            MonitorFixtures.deploy(api, "acme/left-out", "failure");
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(api).at("/count").asInt() == 1);

            Api.Reply narrowed = api.patch(path, "{\"url\":\"" + base + "/new\",\"name\":\"payments\","
                    + "\"repositories\":[\"acme/kept\"]}");
            assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
            assertThat(narrowed.json().get("repositories")).hasToString("[\"acme/kept\"]");
            assertThat(narrowed.json().get("name").asText()).isEqualTo("payments");
            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(api).at("/results/0/state").asText()
                    .equals("out_of_scope"));
            assertThat(deliveries(api).at("/results/0/outcome").asText()).isEqualTo("out_of_scope");
            assertThat(deliveries(api).at("/results/0/next_retry_at").isNull()).isTrue();

            JsonNode again = MonitorFixtures.deploy(api, "acme/left-out", "failure");
            JsonNode kept = MonitorFixtures.deploy(api, "acme/kept", "failure");
            MonitorFixtures.awaitVerdict(api, again.get("id").asText());
            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            assertThat(received).singleElement().satisfies(r -> assertThat(r.body()).contains(kept.get("id").asText()));
            assertThat(queuedFor(server, again)).as("nothing queued for the second left-out deploy").isZero();
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * Narrowed without a new URL, a webhook drops at once what waits for it about the deploys it now leaves out: the
     * alert waiting an hour for its retry is neither counted as retrying meanwhile nor sent if the scope is widened
     * again before its turn.
     */
    @Test
    void a_scope_narrowed_alone_drops_what_waits_for_it_at_once() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"" + base + "/moved\",\"name\":\"ops\"}").json();
            String path = HOOKS + hook.get("id").asText() + "/";
            MonitorFixtures.deploy(api, "acme/left-out", "failure");
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(api).at("/count").asInt() == 1);
            assertThat(api.get(HOOKS).json().at("/results/0/health/retrying").asInt()).isEqualTo(1);

            assertThat(api.patch(path, "{\"repositories\":[\"acme/kept\"]}").status()).isEqualTo(200);
            assertThat(deliveries(api).at("/results/0/state").asText()).isEqualTo("out_of_scope");
            assertThat(api.get(HOOKS).json().at("/results/0/health/retrying").asInt()).isZero();
            assertThat(api.patch(path, "{\"repositories\":[]}").status()).isEqualTo(200);
            assertThat(deliveries(api).at("/results/0/state").asText()).as("widened again, not revived")
                    .isEqualTo("out_of_scope");
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A change writes only what it names: a scope saved on the settings page while an API client rotates the secret
     * (read before the rotation, written after it) must not write the old secret back.
     */
    @Test
    void a_change_writes_only_the_fields_it_names() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"http://127.0.0.1:18444/a\",\"name\":\"a\"}").json();
            String id = hook.get("id").asText();
            WebhookStore store = new WebhookStore(server.app().database().jdbi(), java.time.Clock.systemUTC());
            Webhook before = store.list(orgOf(server, id)).getFirst();
            assertThat(api.patch(HOOKS + id + "/", "{\"secret\":\"whsec_rotated_0123456789\"}").status())
                    .isEqualTo(200);
            WebhookInput stale = new WebhookInput(before.kind(), before.name(), before.url(), before.secret(),
                    new AlertScope(List.of("acme/payments"), List.of()));
            assertThat(store.change(before.orgId(), id, stale, Set.of("repositories"))).isTrue();

            Webhook after = store.list(before.orgId()).getFirst();
            assertThat(after.secret()).isEqualTo("whsec_rotated_0123456789");
            assertThat(after.scope().repositories()).containsExactly("acme/payments");
        }
    }

    private static String orgOf(TestServer server, String webhookId) {
        return server.app().database().jdbi().withHandle(h -> h.createQuery("SELECT org_id FROM "
                + "notification_webhooks WHERE id = :id").bind("id", webhookId).mapTo(String.class).one());
    }

    private static int queuedFor(TestServer server, JsonNode deployment) {
        return server.app().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM "
                + "notification_outbox WHERE deployment_id = :d").bind("d", deployment.get("id").asText())
                .mapTo(Integer.class).one());
    }

    /** A change names what it changes, each field as a new webhook's is checked; nothing is changed by a refusal. */
    @Test
    void a_change_names_at_least_one_field_and_each_is_checked() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            JsonNode hook = api.post(HOOKS, "{\"url\":\"http://127.0.0.1:18443/a\",\"name\":\"a\","
                    + "\"environments\":[\"production\"]}").json();
            String path = HOOKS + hook.get("id").asText() + "/";
            Api.Reply empty = api.patch(path, "{}");
            assertThat(empty.status()).as(empty.body()).isEqualTo(422);
            assertThat(empty.json().at("/errors/0/detail").asText()).startsWith("must set at least one of url");
            for (String refused : List.of("{\"name\":\" \"}", "{\"repositories\":\"acme/x\"}",
                    "{\"repositories\":[\"not a repository\"]}", "{\"environments\":[\"a\\nb\"]}",
                    "{\"environments\":[\"eu, west\"]}",
                    "{\"url\":\"\"}", "{\"name\":\"b\",\"repositories\":[\"acme/x\"],\"url\":null}")) {
                assertThat(api.patch(path, refused).status()).as(refused).isEqualTo(422);
            }
            JsonNode unchanged = api.get(HOOKS).json().at("/results/0");
            assertThat(unchanged.get("name").asText()).isEqualTo("a");
            assertThat(unchanged.get("repositories")).isEmpty();

            JsonNode opened = api.patch(path, "{\"environments\":[]}").json();
            assertThat(opened.get("environments")).isEmpty();
            assertThat(opened.get("url").asText()).isEqualTo("http://127.0.0.1:18443/a");
        }
    }

    private static JsonNode deliveries(Api api) {
        return api.get("/api/v1/notifications/deliveries/").json();
    }

    /**
     * One failed deploy posted three times with three delivery ids: a URL written another way (the scheme's case, an
     * empty query separator at its end, the default port) is still the URL of the first webhook, when adding one
     * and when changing another's.
     */
    @Test
    void a_url_written_another_way_is_still_taken_by_its_webhook() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, WebhookChangeIT::hourLongBackoff)) {
            Api api = server.api();
            String url = "http://127.0.0.1:18442/ok?token=X";
            assertThat(api.post(HOOKS, "{\"url\":\"" + url + "\",\"name\":\"ok\"}").status()).isEqualTo(201);
            for (String same : List.of("HTTP://127.0.0.1:18442/ok?token=X", url + "&",
                    "http://127.0.0.1:18442/ok?token=X#again")) {
                Api.Reply twice = api.post(HOOKS, "{\"url\":\"" + same + "\"}");
                assertThat(twice.status()).as(same).isEqualTo(422);
                assertThat(twice.json().at("/errors/0/detail").asText()).startsWith("is already the URL of the "
                        + "webhook \"ok\"");
            }
            JsonNode other = api.post(HOOKS, "{\"url\":\"http://127.0.0.1:80/other\"}").json();
            assertThat(api.patch(HOOKS + other.get("id").asText() + "/", "{\"url\":\"" + url + "&\"}").status())
                    .isEqualTo(422);
            assertThat(api.post(HOOKS, "{\"url\":\"http://127.0.0.1/other\"}").status()).as("the default port")
                    .isEqualTo(422);
            assertThat(api.get(HOOKS).json().get("count").asInt()).isEqualTo(2);
        }
    }

    /** The SSRF guard, the one-webhook-per-URL rule, admins only, and one organization's webhook to itself. */
    private static void assertRefusedLikeANewWebhook(TestServer server, Api api, String path, String base) {
        Api.Reply internal = api.patch(path, "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}");
        assertThat(internal.status()).as(internal.body()).isEqualTo(422);
        assertThat(internal.json().at("/errors/0/pointer").asText()).isEqualTo("/url");
        assertThat(api.patch(path, "{\"url\":\"" + base + "/new\",\"secret\":\"short\"}").status()).isEqualTo(422);
        api.post(HOOKS, "{\"kind\":\"slack\",\"url\":\"" + base + "/taken\"}");
        assertThat(api.patch(path, "{\"url\":\"" + base + "/taken\"}").status()).isEqualTo(422);
        String deployer = server.sameOrgKey(Set.of(Scope.DEPLOYMENTS_WRITE));
        assertThat(server.api(deployer).patch(path, "{\"url\":\"" + base + "/new\"}").status()).isEqualTo(403);
        Api other = server.api(server.newOrgKey("other-" + System.nanoTime(), Scope.all()));
        assertThat(other.patch(path, "{\"url\":\"" + base + "/new\"}").status()).isEqualTo(404);
    }

    /** Loopback allowed for the receiver; a first retry an hour away, so only the change can bring it sooner. */
    private static AppConfig hourLongBackoff(AppConfig c) {
        return c.withIntegrations(new AppConfig.Integrations(null, Duration.ofSeconds(1), Duration.ofDays(15),
                List.of("127.0.0.0/8"), Duration.ofHours(1)));
    }

    /** /moved answers a redirect to /new; /new records what it got. */
    private static HttpServer receiver(List<Received> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/new");
                exchange.sendResponseHeaders(302, -1);
            } else {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(body, headers.getFirst(Signature.TIMESTAMP_HEADER),
                        headers.getFirst(Signature.HEADER)));
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
