package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery log through the API: every attempt reachable a page at a time, and filtered to one webhook or deploy. */
class DeliveryLogIT {
    private static final String HOOKS = "/api/v1/notifications/webhooks/";
    private static final String LOG = "/api/v1/notifications/deliveries/";

    @Test
    void the_delivery_log_pages_with_a_cursor_and_filters_by_webhook_and_deployment() throws Exception {
        HttpServer receiver = receiver();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, MonitorFixtures.allowLoopback(null))) {
            Api api = server.api();
            String a = api.post(HOOKS, "{\"url\":\"" + base + "/a\",\"name\":\"a\"}").json().get("id").asText();
            String b = api.post(HOOKS, "{\"kind\":\"slack\",\"url\":\"" + base + "/b\"}").json().get("id").asText();
            String first = Ids.newId();
            String second = Ids.newId();
            queue(server, a, first, 2);
            queue(server, a, second, 3);
            queue(server, b, first, 3);
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get(LOG).json().get("count").asInt() == 8);

            List<JsonNode> all = pages(api, LOG + "?limit=3");
            assertThat(all).hasSize(8).extracting(d -> d.get("id").asText()).doesNotHaveDuplicates();
            assertThat(all).extracting(d -> d.get("at").asText()).isSortedAccordingTo((x, y) -> y.compareTo(x));
            assertThat(pages(api, LOG + "?limit=2&webhook=" + a)).hasSize(5)
                    .allSatisfy(d -> assertThat(d.get("webhook_id").asText()).isEqualTo(a));
            assertThat(pages(api, LOG + "?limit=2&deployment=" + first)).hasSize(5)
                    .allSatisfy(d -> assertThat(d.get("deployment_id").asText()).isEqualTo(first));
            JsonNode both = api.get(LOG + "?webhook=" + a + "&deployment=" + first).json();
            assertThat(both.get("count").asInt()).isEqualTo(2);
            assertThat(both.get("next").isNull()).as("one page holds them").isTrue();

            assertThat(api.get(LOG + "?cursor=not-one-of-ours").status()).isEqualTo(422);
            assertThat(api.get(LOG + "?webhook=a").status()).isEqualTo(422);
            Api other = server.api(server.newOrgKey("other-" + System.nanoTime(), Scope.all()));
            assertThat(other.get(LOG + "?webhook=" + a).json().get("count").asInt()).as("another organization's")
                    .isZero();
        } finally {
            receiver.stop(0);
        }
    }

    /** Follows {@code next} from the first page to the last; each page counts every attempt its filters select. */
    private static List<JsonNode> pages(Api api, String first) {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = api.get(first + (next == null ? "" : "&cursor=" + next)).json();
            page.get("results").forEach(all::add);
            assertThat(page.get("count").asInt()).isGreaterThanOrEqualTo(all.size());
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return all;
    }

    /** Notifications of a deployment's verdict for one webhook, as a verdict queues them. */
    private static void queue(TestServer server, String webhookId, String deploymentId, int count) {
        var jdbi = server.app().database().jdbi();
        Webhook hook = jdbi.withHandle(h -> h.createQuery("SELECT * FROM notification_webhooks WHERE id = :id")
                .bind("id", webhookId).map(WebhookStore::row).one());
        OutboxStore outbox = new OutboxStore(jdbi, server.app().database().dialect(), Clock.systemUTC());
        for (int i = 0; i < count; i++) {
            outbox.enqueue(hook, "verdict:" + Ids.newId(), "{\"text\":\"verdict\"}", deploymentId);
        }
    }

    private static HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
