package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop with a drain: the load balancer sees not-ready while the node still serves what reaches it. */
class DrainIT {

    @Test
    void a_draining_node_answers_503_on_readyz_and_still_serves_the_api() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            CompletableFuture<Void> draining = CompletableFuture.runAsync(() -> {
                try {
                    server.app().drain(Duration.ofSeconds(4));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            await().atMost(Duration.ofSeconds(3)).until(() -> api.get("/readyz").status() == 503);
            assertThat(draining).as("still draining").isNotDone();
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\"}").status()).isEqualTo(201);
            draining.get(10, TimeUnit.SECONDS);
        }
    }
}
