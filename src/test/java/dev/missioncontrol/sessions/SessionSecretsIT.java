package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.SseReader;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The API shows a session's text as the session page does: secrets in prompts, logs and messages masked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecretsIT {
    private static final String PASSWORD = "Hunter2Secret!";
    private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final List<String> SECRETS = List.of(PASSWORD, AWS_KEY, GITHUB_TOKEN);

    private TestServer server;
    private Api api;
    private String id;

    @BeforeAll
    void aFinishedSessionToldSecretsEveryWay() {
        server = TestServer.start(TestServer.Db.SQLITE);
        api = server.api();
        var body = Json.object().put("prompt", "Checkout fails since the deploy; password=" + PASSWORD + " " + AWS_KEY);
        body.putObject("context").put("logs", "10:00:01 ERROR login refused token " + GITHUB_TOKEN + "\n"
                + "10:00:02 ERROR db connect failed password=" + PASSWORD);
        id = api.post("/api/v1/agent-sessions/", Json.write(body)).json().path("session_id").asText();
        new Investigations(api).awaitReport(id, Duration.ofSeconds(60));
        var message = Json.object().put("content", "try again with password=" + PASSWORD + " " + AWS_KEY + " "
                + GITHUB_TOKEN);
        assertThat(api.post("/api/v1/agent-sessions/" + id + "/messages/", Json.write(message)).status())
                .isEqualTo(202);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void the_timeline_as_json_masks_a_persons_message_in_its_text_and_data() {
        String events = api.get("/api/v1/agent-sessions/" + id + "/events/").body();
        assertThat(events).contains("try again with password=[REDACTED]");
        assertNoSecret(events);
    }

    @Test
    void the_live_stream_masks_them_too() throws Exception {
        var frames = SseReader.read(server.baseUrl() + "/api/v1/agent-sessions/" + id + "/events/",
                server.firstKey(), null, f -> f.data() != null && f.data().contains("try again"));
        assertThat(frames.getLast().data()).contains("[REDACTED]");
        frames.forEach(f -> assertNoSecret(f.data() == null ? "" : f.data()));
    }

    @Test
    void the_session_masks_its_prompt_context_and_report() {
        var detail = api.get("/api/v1/agent-sessions/" + id + "/");
        assertThat(detail.json().path("prompt").asText()).contains("password=[REDACTED]");
        assertThat(detail.json().path("context").path("logs").asText()).contains("10:00:02 ERROR db connect");
        assertNoSecret(detail.body());
    }

    @Test
    void the_cased_cli_view_masks_the_conversation_and_logs() {
        var cli = api.get("/api/v1/agent/sessions/" + id + "?conversation=true&logs=true");
        assertThat(cli.json().path("conversation").toString()).contains("try again with password=[REDACTED]");
        assertNoSecret(cli.body());
    }

    private static void assertNoSecret(String shown) {
        SECRETS.forEach(s -> assertThat(shown).doesNotContain(s));
    }
}
