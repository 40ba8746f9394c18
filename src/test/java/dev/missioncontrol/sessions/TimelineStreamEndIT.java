package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.SseReader;
import dev.missioncontrol.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A session's stream closes once the session has ended and every event is sent, saying so first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineStreamEndIT {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.Db.SQLITE);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void an_ended_sessions_stream_sends_every_event_then_an_end_with_a_long_retry_and_closes() {
        String id = finishedSession();
        var answer = server.api().send(server.api().builder(events(id)).header("Accept", "text/event-stream")
                .GET().build(), Duration.ofSeconds(10));
        assertThat(answer.body()).contains("id: 1\n").endsWith("retry: 86400000" // a day
                + "\nevent: end\ndata: {\"status\":\"completed\",\"last_seq\":" + lastSeq(id) + "}\n\n");
    }

    @Test
    void a_resumed_stream_sends_what_follows_last_event_id_then_ends() throws Exception {
        String id = finishedSession();
        List<SseReader.Frame> frames = readToTheEnd(id, "3");
        assertThat(frames.getFirst().id()).isEqualTo("4");
        assertThat(frames.getLast().event()).isEqualTo("end");
        assertThat(frames.getLast().json().path("last_seq").asLong()).isEqualTo(lastSeq(id));
    }

    @Test
    void a_running_sessions_stream_ends_after_its_ending_and_a_reopened_one_is_followed_anew() throws Exception {
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"follow me\"}").json()
                .path("session_id").asText();
        List<SseReader.Frame> first = readToTheEnd(id, null);
        assertThat(first.get(first.size() - 2).json().path("data").path("status").asText()).isEqualTo("completed");
        server.api().post(events(id).replace("/events/", "/messages/"), "{\"content\":\"and now?\"}");
        List<SseReader.Frame> second = readToTheEnd(id, first.get(first.size() - 2).id());
        assertThat(second).anyMatch(f -> "message".equals(f.event()) && f.data().contains("and now?"));
        assertThat(second.getLast().event()).isEqualTo("end");
    }

    private List<SseReader.Frame> readToTheEnd(String id, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + events(id)))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + server.firstKey());
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        // nothing stops the reader but the end of the stream: one left open fails the wait
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SseReader.read(request.build(), f -> false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private String finishedSession() {
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"end me\"}").json()
                .path("session_id").asText();
        new Investigations(server.api()).awaitReport(id, Duration.ofSeconds(60));
        return id;
    }

    private long lastSeq(String id) {
        return server.api().get(events(id)).json().path("results").size();
    }

    private static String events(String id) {
        return "/api/v1/agent-sessions/" + id + "/events/";
    }
}
