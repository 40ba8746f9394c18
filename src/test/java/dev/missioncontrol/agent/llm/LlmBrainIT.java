package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.LlmSessions.awaitCompleted;
import static dev.missioncontrol.agent.llm.LlmSessions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.TestApps;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LLM brain against a stand-in provider that speaks OpenAI's wire protocol. */
class LlmBrainIT {
    private static final String SECRET_PROMPT = "Checkout fails since 10:00; our db password=hunter2hunter2 "
            + "and key AKIAABCDEFGHIJKLMNOP were in the config";

    private static TestServer serverWith(FakeOpenAi llm) {
        return LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(10));
    }

    @Test
    void the_model_calls_tools_writes_the_report_and_never_sees_a_secret() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("current_time", "{}").thenText(ModelReports.complete("The payment database ran out "
                    + "of connections. Checkout failed as a result.", List.of(), "Raise the pool size",
                    "Roll back the last deploy"));
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json(SECRET_PROMPT, "line 1\\nERROR token=abcd1234efgh"))
                    .json().get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);

            assertThat(session.get("report").asText()).contains("ran out of connections");
            assertThat(session.get("summary").get("outcome").asText())
                    .isEqualTo("The payment database ran out of connections.");
            assertThat(session.get("summary").get("key_actions")).extracting(JsonNode::asText)
                    .containsExactly("Raise the pool size", "Roll back the last deploy");
            assertThat(llm.requests).hasSize(2);
            JsonNode events = api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results");
            assertThat(events.toString()).as("the page says what it waits for while the provider thinks")
                    .contains("Asking the LLM provider");
            JsonNode second = llm.request(1);
            assertThat(second.toString()).contains("\"tool_call_id\"").contains("It is ");
            assertThat(second.get("tools").toString()).contains("list_deployments").contains("current_time");
            assertThat(second.has("parallel_tool_calls")).as("a parameter OpenAI's reasoning models refuse").isFalse();
            assertThat(second.toString()).as("asked for in the instructions").contains("Call one tool at a time");
            assertThat(String.join("\n", llm.requests)).doesNotContain("hunter2hunter2")
                    .doesNotContain("AKIAABCDEFGHIJKLMNOP").doesNotContain("abcd1234efgh").contains("[REDACTED]");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500 | {\"error\":{\"message\":\"provider down\"}} | the LLM provider failed on its side (HTTP 500)",
            "429 | {\"error\":{\"message\":\"slow down\"}}    | the LLM provider is rate limiting this server (HTTP 429)",
            "401 | {\"error\":{\"message\":\"bad key\"}}      | the LLM provider refused the API key (HTTP 401)",
            "200 | {\"choices\": [oops                        | the LLM provider answered with something that is not a valid"})
    void a_failing_provider_hands_the_session_to_the_analyst_and_the_timeline_says_why(int status, String body,
            String why) {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.failWith(status, body);
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);
            JsonNode events = api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results");
            assertThat(events.toString()).contains(why).contains("analyst takes over").doesNotContain("Exception");
            assertThat(session.get("report").asText()).as("the report says whose it is, where no timeline is shown")
                    .startsWith("> **Written by the built-in analyst:** " + why).contains("## Summary");
        }
    }

    /** Models often answer with a preamble or a refusal instead of a tool call; that is no report. */
    @Test
    void an_answer_without_the_reports_sections_is_asked_again_and_then_handed_to_the_analyst() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenText("I'll start by analyzing the logs to find the root cause.").thenToolCall("analyze_logs", "{}")
                    .thenText(ModelReports.complete("The payment database ran out of connections.", List.of()));
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);
            assertThat(session.get("report").asText()).contains("ran out of connections");
            assertThat(llm.request(1).toString()).as("the model sees its answer and the reminder")
                    .contains("I'll start by analyzing the logs").contains("That answer is not the final report");
        }
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenText("I'm sorry, but I can't help with that request.").thenText("I can't help with that.");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?",
                    "2026-01-01T10:00:00Z ERROR checkout - upstream connect error 502")).json()
                    .get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);
            JsonNode events = api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results");
            assertThat(events.toString()).contains("the LLM answered twice without the report's sections")
                    .contains("analyst takes over");
            assertThat(session.get("report").asText()).doesNotContain("I can't help").contains("502");
        }
    }

    /** A key read from a file (a Kubernetes secret) ends with a line break, which no header can carry. */
    @Test
    void a_key_that_ends_with_a_line_break_still_reaches_the_provider() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = TestServer.start(TestServer.Db.SQLITE,
                c -> c.withLlm(new AppConfig.Llm("openai", "fake-model", llm.baseUrl(), LlmSessions.API_KEY + "\n",
                        6, Duration.ofSeconds(10))), c -> TestApps.start(c, null, List.of()))) {
            llm.thenToolCall("analyze_logs", "{}").thenText(ModelReports.complete("Nothing is wrong.", List.of()));
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Is anything wrong?", "ok")).json()
                    .get("session_id").asText();
            assertThat(awaitCompleted(api, id).get("report").asText()).contains("Nothing is wrong.");
            assertThat(llm.requests).hasSize(2);
        }
    }

    /** A general session asks a question: a plain answer is its answer, not a report lacking its sections. */
    @Test
    void a_general_sessions_plain_answer_is_taken_as_it_is() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("list_deployments", "{}").thenText("Nothing was deployed in the last day.");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"What was deployed today?\","
                    + "\"session_type\":\"general\"}").json().get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);

            assertThat(session.get("report").asText()).isEqualTo("Nothing was deployed in the last day.");
            assertThat(llm.requests).hasSize(2);
            assertThat(llm.request(0).toString()).contains("A session of type general is a question");
        }
    }

    /** A rate limit is waited out: the session sleeps, asks again, and the model writes the report. */
    @Test
    void a_rate_limit_that_passes_is_waited_out_and_the_model_writes_the_report() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("analyze_logs", "{}")
                    .thenText(ModelReports.complete("The payment database ran out of connections.", List.of()));
            llm.failNext(1, 429, "{\"error\":{\"message\":\"Rate limit reached for requests\"}}");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            JsonNode session = awaitCompleted(api, id);
            assertThat(session.get("report").asText()).contains("ran out of connections")
                    .doesNotContain("built-in analyst");
            assertThat(LlmSessions.events(api, id).toString())
                    .contains("the LLM provider is rate limiting this server (HTTP 429); asking it again in 1s");
            assertThat(llm.requests).hasSize(3);
        }
    }

    /**
     * An overloaded provider (Anthropic's 529, 503 elsewhere) is waited out like a rate limit, and so is any failure on
     * its side that names a wait; a plain 500 hands over at once.
     */
    @ParameterizedTest
    @CsvSource({"529,, true", "503,, true", "500, 1, true", "500,, false"})
    void an_overloaded_provider_is_waited_out_like_a_rate_limit(int status, String retryAfter, boolean waited) {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("analyze_logs", "{}")
                    .thenText(ModelReports.complete("The payment database ran out of connections.", List.of()));
            llm.failNext(1, status, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                    + "\"message\":\"Overloaded\"}}", retryAfter);
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            String report = awaitCompleted(api, id).get("report").asText();
            if (waited) {
                assertThat(report).contains("ran out of connections").doesNotContain("built-in analyst");
                assertThat(LlmSessions.events(api, id).toString()).contains("(HTTP " + status + "); asking it again in");
            } else {
                assertThat(report).startsWith("> **Written by the built-in analyst:** the LLM provider failed on its "
                        + "side (HTTP 500)");
            }
        }
    }

    /** A provider that asks for a longer wait than the session's own pause gets it, within the longest wait. */
    @Test
    void a_rate_limit_is_waited_out_as_long_as_the_provider_asks() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = TestServer.start(TestServer.Db.SQLITE,
                c -> c.withLlm(new AppConfig.Llm("openai", "fake-model", llm.baseUrl(), LlmSessions.API_KEY, 6,
                        Duration.ofSeconds(10)).withRateLimitWaits(List.of(Duration.ofSeconds(1),
                        Duration.ofSeconds(30)))), c -> TestApps.start(c, null, List.of()))) {
            llm.thenToolCall("analyze_logs", "{}")
                    .thenText(ModelReports.complete("The payment database ran out of connections.", List.of()));
            llm.failNext(1, 429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "2");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            assertThat(awaitCompleted(api, id).get("report").asText()).contains("ran out of connections");
            assertThat(LlmSessions.events(api, id).toString())
                    .contains("the LLM provider is rate limiting this server (HTTP 429); asking it again in 2s");
        }
    }

    /** A wait longer than the server ever waits is not slept out: the analyst answers at once, and says why. */
    @Test
    void a_rate_limit_asking_for_longer_than_the_server_waits_hands_over_at_once() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.failNext(-1, 429, "{\"error\":{\"message\":\"Rate limit reached\"}}", "3600");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            assertThat(awaitCompleted(api, id).get("report").asText()).startsWith("> **Written by the built-in "
                    + "analyst:** the LLM provider is rate limiting this server (HTTP 429) and asks for a wait of "
                    + "1h, longer than this server waits (1s)");
            assertThat(llm.requests).hasSize(1);
        }
    }

    /** OpenAI answers a spent quota with 429 too; no wait mends it, so the analyst answers at once. */
    @Test
    void a_spent_quota_is_not_waited_for() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.failWith(429, "{\"error\":{\"message\":\"You exceeded your current quota\","
                    + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            assertThat(awaitCompleted(api, id).get("report").asText()).startsWith("> **Written by the built-in "
                    + "analyst:** the LLM provider is rate limiting this server (HTTP 429)");
            assertThat(LlmSessions.events(api, id).toString()).doesNotContain("asking it again");
            assertThat(llm.requests).hasSize(1);
        }
    }

    /** A rate limit during the investigation hands that turn to the analyst, not every question after it. */
    @Test
    void a_question_after_a_provider_failure_asks_the_provider_again() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.failWith(429, "{\"error\":{\"message\":\"slow down\"}}");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Why is checkout slow?", "x")).json()
                    .get("session_id").asText();
            awaitCompleted(api, id);
            llm.recover();
            llm.thenText("It began at 10:00 UTC, when the pool ran out.");
            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"when did it start?\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/agent-sessions/" + id
                    + "/events/").json().get("results").toString().contains("when the pool ran out"));
        }
    }

    @Test
    void follow_up_questions_are_answered_by_the_model() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("analyze_logs", "{}").thenText(ModelReports.complete("Nothing is wrong.", List.of()))
                    .thenText("It began at 10:00 UTC.");
            Api api = server.api();
            String id = api.post("/api/v1/agent-sessions/", json("Is anything wrong?", "ok")).json()
                    .get("session_id").asText();
            awaitCompleted(api, id);
            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"when did it start?\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/agent-sessions/" + id
                    + "/events/").json().get("results").toString().contains("It began at 10:00 UTC."));
            assertThat(llm.request(2).toString()).contains("when did it start?");
        }
    }

    @Test
    void no_planted_secret_reaches_the_provider_on_any_path() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("analyze_logs", "{}")
                    .thenToolCall("search_logs", "{\"query\":\"signing key\",\"context_lines\":8}")
                    .thenToolCall("search_logs", "{\"query\":\"MIIEow\",\"context_lines\":3}")
                    .thenToolCall("list_deployments", "{}")
                    .thenText(ModelReports.complete("The payment provider timed out.", List.of()))
                    .thenText("Rotate it.");
            Api api = server.api();
            assertThat(api.post("/api/v1/deployments/", PlantedSecrets.deployment()).status()).isEqualTo(201);
            String id = api.post("/api/v1/agent-sessions/", PlantedSecrets.session()).json()
                    .get("session_id").asText();
            awaitCompleted(api, id);
            api.post("/api/v1/agent-sessions/" + id + "/messages/", PlantedSecrets.followUp());
            await().atMost(Duration.ofSeconds(20)).until(() -> llm.requests.size() == 6);

            String sent = String.join("\n", llm.requests);
            assertThat(sent).contains("list_deployments").contains("[REDACTED]");
            assertThat(PlantedSecrets.ALL).as("secrets sent to the provider").filteredOn(sent::contains).isEmpty();
        }
    }
}
