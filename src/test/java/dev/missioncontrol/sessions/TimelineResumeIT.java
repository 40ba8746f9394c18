package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.SseReader;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Where a timeline stream resumes, given what a reconnecting client sends. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineResumeIT {
    private TestServer server;
    private String events;

    @BeforeAll
    void startAFinishedSession() {
        server = TestServer.start(TestServer.Db.SQLITE);
        String id = server.api().post("/api/v1/agent-sessions/", "{\"prompt\":\"resume me\"}").json()
                .path("session_id").asText();
        new Investigations(server.api()).awaitReport(id, Duration.ofSeconds(60));
        events = server.baseUrl() + "/api/v1/agent-sessions/" + id + "/events/";
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void resumes_after_the_seq_in_last_event_id_before_the_query() throws Exception {
        assertThat(firstId(events + "?after=1", "3")).isEqualTo("4");
    }

    /** Browsers resend Last-Event-ID on their own; one that is not a seq must not replay what the page has. */
    @Test
    void a_last_event_id_that_is_not_a_seq_is_passed_over_for_the_after_query() throws Exception {
        assertThat(firstId(events + "?after=2", "junk")).isEqualTo("3");
        assertThat(firstId(events, "-1")).isEqualTo("1");
    }

    private String firstId(String url, String lastEventId) throws Exception {
        List<SseReader.Frame> frames = SseReader.read(url, server.firstKey(), lastEventId, f -> !f.isComment());
        return frames.get(frames.size() - 1).id();
    }
}
