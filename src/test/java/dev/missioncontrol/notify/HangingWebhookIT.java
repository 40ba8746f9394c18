package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The delivery loop of a running server does not wait for one webhook's attempt before sending another's alert. */
class HangingWebhookIT {
    private static final String HOOKS = "/api/v1/notifications/webhooks/";

    /**
     * A receiver that hangs until the outbound timeout (10 s) is being called when another repository's deploy
     * fails: that alert reaches its own, healthy webhook in moments, not once the hanging attempt times out.
     */
    @Test
    void an_alert_due_while_another_webhook_hangs_is_sent_without_waiting_for_it() throws Exception {
        List<String> arrived = new CopyOnWriteArrayList<>();
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        HttpServer receiver = receiver(arrived, hanging, letGo);
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, MonitorFixtures.allowLoopback(null))) {
            Api api = server.api();
            api.post(HOOKS, "{\"url\":\"" + base + "/hang\",\"repositories\":[\"acme/slow\"]}");
            api.post(HOOKS, "{\"kind\":\"slack\",\"url\":\"" + base + "/fast\",\"repositories\":[\"acme/fast\"]}");
            MonitorFixtures.deploy(api, "acme/slow", "failure");
            assertThat(hanging.await(20, TimeUnit.SECONDS)).as("the hanging webhook is being called").isTrue();

            MonitorFixtures.deploy(api, "acme/fast", "failure");
            await().atMost(Duration.ofSeconds(5)).until(() -> arrived.contains("/fast"));
            assertThat(letGo.getCount()).as("the other webhook still hangs").isOne();
            letGo.countDown(); // so the server's stop need not wait out the attempt
        } finally {
            letGo.countDown();
            receiver.stop(0);
        }
    }

    /** /hang holds its answer until the test lets go (or 15 s, past the outbound timeout); /fast answers at once. */
    private static HttpServer receiver(List<String> arrived, CountDownLatch hanging, CountDownLatch letGo)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            arrived.add(path);
            if (path.equals("/hang")) {
                hanging.countDown();
                try {
                    letGo.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
