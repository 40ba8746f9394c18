package dev.missioncontrol.agent.llm;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.TestApps;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;

/** A server whose investigations go to a stand-in provider, and the API calls the LLM tests share. */
final class LlmSessions {
    /** The key the server is configured with: not of a shape the redactor knows, as a local endpoint's may be. */
    static final String API_KEY = "local-key-Qm7x";
    /** One wait for a rate limit, short, so that a test of a provider that keeps limiting takes a second. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    private LlmSessions() {
    }

    /** A server on {@code baseUrl}'s OpenAI-compatible provider, with {@code extraTools} beside the built-in ones. */
    static TestServer serverWith(String baseUrl, Duration timeout, Tool... extraTools) {
        return TestServer.start(TestServer.Db.SQLITE, c -> c.withLlm(new AppConfig.Llm("openai", "fake-model",
                baseUrl, API_KEY, 6, timeout).withRateLimitWaits(List.of(RATE_LIMIT_WAIT))),
                c -> TestApps.start(c, null, List.of(extraTools)));
    }

    static String start(Api api, String prompt, String logs) {
        return api.post("/api/v1/agent-sessions/", json(prompt, logs)).json().get("session_id").asText();
    }

    static JsonNode awaitCompleted(Api api, String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/agent-sessions/" + id + "/").json()
                .get("status").asText().equals("completed"));
        return api.get("/api/v1/agent-sessions/" + id + "/").json();
    }

    static JsonNode events(Api api, String id) {
        return api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results");
    }

    static String json(String prompt, String logs) {
        return "{\"prompt\":\"" + prompt + "\",\"context\":{\"service\":\"payments\",\"logs\":\"" + logs + "\"}}";
    }
}
