package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An open timeline stream must not hold the server up when it stops (STACK.md trap 3). */
class TimelineStreamStopIT {

    @Test
    void an_open_sse_stream_is_closed_cleanly_when_the_server_stops() throws Exception {
        TestServer server = TestServer.start(TestServer.Db.SQLITE);
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"stream me\"}").json()
                .path("session_id").asText();
        var request = server.api().builder("/api/v1/agent-sessions/" + id + "/events/")
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("id:").contains("1");

        // Reads everything left until the server ends the stream; a stream left open would never finish.
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                while (reader.readLine() != null) {
                    // drain the events already sent
                }
                return true;
            } catch (java.io.IOException e) {
                return true; // the connection was closed under us: also an end
            }
        });
        long started = System.nanoTime();
        server.close();
        long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(ended.get(10, TimeUnit.SECONDS)).isTrue();
        // The graceful stop waits up to 20 s for open requests; a stream still open would use all of it.
        assertThat(stopMs).isLessThan(10_000);
    }
}
