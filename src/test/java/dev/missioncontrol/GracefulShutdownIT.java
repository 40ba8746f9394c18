package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.NodeProcess;
import dev.missioncontrol.testing.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM lets a request that is already in flight finish with its answer. */
class GracefulShutdownIT {

    @Test
    void a_long_poll_in_flight_at_sigterm_still_gets_its_answer() throws Exception {
        Path dir = Files.createTempDirectory("mc-term");
        String key = Seeds.organizationKey(dir, null);
        NodeProcess node = NodeProcess.start(dir, null, 1, 10, 30);
        long started;
        try {
            Api api = new Api(node.baseUrl(), key);
            String id = api.post("/api/v1/deployments/", "{\"deployment_request\":\"d\",\"repository_full_name\":"
                    + "\"a/b\",\"status\":\"running\"}").json().get("id").asText();
            var inFlight = CompletableFuture.supplyAsync(() -> api.get("/api/v1/deployments/" + id + "/?wait=3"));
            Thread.sleep(700);
            started = System.nanoTime();
            node.close(); // SIGTERM, then wait for the process to exit
            Api.Reply reply = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("id").asText()).isEqualTo(id);
        } finally {
            node.close();
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(25);
    }
}
