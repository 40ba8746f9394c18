package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Brains;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.PauseTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.Scripts;
import dev.missioncontrol.testing.SseReader;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The live timeline over SSE: resumable without gaps or duplicates, kept alive, and safe at shutdown. */
class TimelineStreamIT {

    private static App start(Duration keepAlive) throws Exception {
        var brain = new ScriptedBrain(Scripts.pauses(6));
        AppConfig config = AppConfig.forDatabase(Files.createTempDirectory("mc-sse"), null);
        config = config.withRuntime(config.runtime().withKeepAlive(keepAlive));
        // six pauses outlast a 300 ms keep-alive by far: a stream ends with its session
        var agents = new AgentRuntime.Agents(new Brains(Map.of(), brain), List.of(new PauseTool(200)));
        return App.start(config, Clock.systemUTC(), agents);
    }

    private static String createSession(App app) {
        var api = new dev.missioncontrol.testing.Api("http://127.0.0.1:" + app.port(), app.firstStart().apiKey());
        return api.post("/api/v1/agent-sessions/", "{\"prompt\":\"stream me\"}").json().get("session_id").asText();
    }

    @Test
    void resumes_from_last_event_id_with_no_gap_and_no_duplicate() throws Exception {
        try (App app = start(Duration.ofSeconds(15))) {
            String url = "http://127.0.0.1:" + app.port() + "/api/v1/agent-sessions/" + createSession(app) + "/events/";
            String key = app.firstStart().apiKey();
            var first = SseReader.read(url, key, null, f -> "4".equals(f.id()));
            var rest = SseReader.read(url, key, first.get(first.size() - 1).id(),
                    f -> f.data() != null && f.json().path("data").path("status").asText().equals("completed"));
            List<Long> ids = java.util.stream.Stream.concat(first.stream(), rest.stream())
                    .filter(f -> !f.isComment()).map(f -> Long.parseLong(f.id())).toList();
            assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, ids.size()).boxed().toList());
            assertThat(ids.size()).isGreaterThan(12);
            assertThat(rest.get(0).event()).isNotBlank();
            assertThat(rest.get(0).json().get("seq").asLong()).isEqualTo(5);
        }
    }

    @Test
    void sends_keep_alive_comments_while_nothing_happens() throws Exception {
        try (App app = start(Duration.ofMillis(300))) {
            String id = createSession(app);
            String url = "http://127.0.0.1:" + app.port() + "/api/v1/agent-sessions/" + id + "/events/";
            var frames = SseReader.read(url, app.firstStart().apiKey(), "10000", SseReader.Frame::isComment);
            assertThat(frames).anyMatch(f -> f.isComment() && f.comment().equals("keep-alive"));
        }
    }

    @Test
    void open_streams_are_closed_when_the_server_stops() throws Exception {
        App app = start(Duration.ofSeconds(15));
        String id = createSession(app);
        String url = "http://127.0.0.1:" + app.port() + "/api/v1/agent-sessions/" + id + "/events/";
        var reading = CompletableFuture.supplyAsync(() -> {
            try {
                return SseReader.read(url, app.firstStart().apiKey(), "100000", f -> false);
            } catch (Exception e) {
                return List.<SseReader.Frame>of();
            }
        });
        Thread.sleep(500);
        long started = System.nanoTime();
        app.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(reading.get(10, TimeUnit.SECONDS)).as("the stream ended instead of hanging").isNotNull();
    }
}
