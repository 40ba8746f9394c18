package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A rolling restart while CI waits on a verdict: the wait answers, and the server stops within its grace. */
class ShutdownDuringWaitIT {

    @Test
    void stopping_answers_a_waiting_poll_at_once_instead_of_holding_the_shutdown() throws Exception {
        TestServer server = TestServer.start(TestServer.Db.SQLITE);
        Api api = server.api();
        String id = api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\",\"status\":\"running\","
                + "\"repository_full_name\":\"acme/web\"}").json().get("id").asText();
        CompletableFuture<Api.Reply> waiting = CompletableFuture.supplyAsync(() -> api.send(
                api.builder("/api/v1/deployments/" + id + "/?wait=600").GET().build(), Duration.ofSeconds(60)));
        Thread.sleep(1_000); // the poll is in its wait

        server.close(); // held to its end, the poll outlasted the stop's grace and was cut off with no answer

        assertThat(waiting.get().status()).as("the poll was answered, not cut off").isEqualTo(200);
    }
}
