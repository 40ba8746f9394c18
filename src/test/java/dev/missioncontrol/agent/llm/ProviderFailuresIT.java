package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.LlmSessions.awaitCompleted;
import static dev.missioncontrol.agent.llm.LlmSessions.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.LogCapture;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A provider that stalls or fails: the analyst takes over in the time allowed, and the log keeps no secret. */
class ProviderFailuresIT {

    @Test
    void an_answer_whose_body_stalls_is_abandoned_at_the_timeout_and_its_connection_closed() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(1))) {
            llm.thenText("## Summary\n\nThe late answer.");
            llm.dribble(Duration.ofMillis(200));
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout slow?", "x");

            JsonNode session = awaitCompleted(api, id);
            assertThat(events(api, id).toString())
                    .contains("the LLM provider did not answer within 1s; the built-in analyst takes over");
            assertThat(session.get("report").asText()).doesNotContain("The late answer");
            assertThat(llm.hungUp.await(10, TimeUnit.SECONDS)).as("the abandoned call closed its connection").isTrue();
        }
    }

    /** Read whole, a gateway's endless answer filled the heap, and the server's own threads died of it. */
    @Test
    void an_answer_larger_than_the_cap_is_not_read_and_the_analyst_takes_over_saying_why() {
        try (FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(30))) {
            llm.thenText("## Summary\n\n" + "x".repeat(9 << 20));
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout slow?", "x");

            awaitCompleted(api, id);
            assertThat(events(api, id).toString()).contains("the LLM provider sent an answer larger than 8 MiB (is "
                    + "the base URL the provider's?); the built-in analyst takes over");
        }
    }

    @Test
    void the_log_keeps_the_providers_words_redacted_and_cut_and_never_the_key() {
        try (LogCapture log = new LogCapture(); FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(10))) {
            llm.failWith(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + LlmSessions.API_KEY
                    + ", password=hunter2hunter2 " + "x".repeat(5_000) + "\"}}");
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout slow?", "x");
            awaitCompleted(api, id);

            assertThat(log.text()).contains("LLM provider failed on session " + id)
                    .contains("refused the API key (HTTP 401)").contains("Incorrect API key provided")
                    .doesNotContain(LlmSessions.API_KEY).doesNotContain("hunter2hunter2")
                    .doesNotContain("x".repeat(ProviderFailure.MAX_LOGGED_CHARS));
        }
    }

    @Test
    void cancelling_a_session_mid_call_logs_an_abandoned_call_not_a_provider_failure() throws Exception {
        try (LogCapture log = new LogCapture(); FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(30))) {
            llm.thenText("## Summary\n\nThe late answer.");
            llm.dribble(Duration.ofMillis(200));
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout slow?", "x");
            await().atMost(Duration.ofSeconds(20)).until(() -> llm.requests.size() == 1);
            assertThat(api.post("/api/v1/agent-sessions/" + id + "/cancel/", "{}").status()).isEqualTo(200);

            // the worker learns of the cancel when it next renews its lease
            await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("LLM call on session " + id
                    + " abandoned"));
            assertThat(log.text()).doesNotContain("LLM provider failed on session " + id);
            assertThat(llm.hungUp.await(10, TimeUnit.SECONDS)).as("the abandoned call closed its connection").isTrue();
        }
    }
}
