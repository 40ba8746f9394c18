package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's report is checked against the evidence before SREs read it: a stand-in provider speaking OpenAI's wire
 * protocol writes the reports, and a real server with its real log and deployment tools checks them.
 */
class ReportReviewIT {
    private static final String REAL = "2026-01-01T10:00:02Z ERROR checkout - upstream connect error 502 from "
            + "payments.internal";
    private static final String MADE_UP = "2026-11-28T15:00:44Z FATAL java.lang.OutOfMemoryError";
    private static final String LOGS = "2026-01-01T10:00:00Z INFO checkout - started\n" + REAL
            + "\n2026-01-01T10:00:03Z WARN checkout - retrying payments.internal";

    @Test
    void a_made_up_quote_and_deployment_are_marked_and_the_real_ones_stand_with_their_findings() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            Api api = server.api();
            assertThat(api.post("/api/v1/deployments/", Json.write(Json.object().put("deployment_request",
                    "deploy checkout").put("repository_full_name", "acme/checkout")
                    .put("commit_sha", "9f3c2e1d4b5a6978"))).status()).isEqualTo(201);
            llm.thenToolCall("search_logs", "{\"query\":\"502\"}").thenText(ModelReports.complete(
                    "Checkout's calls to payments fail with 502 since deploy 9f3c2e1 (`" + REAL + "`), and the JVM "
                            + "ran out of memory after deploy abc1234.", List.of(REAL, MADE_UP),
                    "Roll back abc1234", "Roll back 9f3c2e1", "Check payments.internal"));

            String id = start(api);
            JsonNode session = awaitCompleted(api, id);

            String report = session.get("report").asText();
            assertThat(report).startsWith("> **Unverified:** 1 of 2 quoted log lines is not in the session's logs")
                    .contains("`" + MADE_UP + "` (not found in the logs)")
                    .contains("after deploy abc1234 (not among the organization's deployments)")
                    .doesNotContain("`" + REAL + "` (not found").doesNotContain("9f3c2e1 (not among");
            assertThat(session.at("/summary/key_actions")).extracting(JsonNode::asText)
                    .containsExactly("Roll back 9f3c2e1", "Check payments.internal");
            assertThat(session.get("findings")).singleElement().satisfies(f -> {
                assertThat(f.get("title").asText()).isEqualTo("Finding 1");
                assertThat(f.at("/evidence/0/text").asText()).isEqualTo(REAL);
                assertThat(f.at("/evidence/0/source").asText()).isEqualTo("context.logs");
                assertThat(f.at("/evidence/0/line").asInt()).isEqualTo(2);
                assertThat(f.at("/evidence/0/timestamp").asText()).isEqualTo("2026-01-01T10:00:02Z");
            });
            assertThat(events(api, id)).contains("Checked the LLM's report: 2 quoted log lines, 1 found in the logs "
                    + "and 1 not found (`" + MADE_UP + "`); 2 deployments named, 1 not among the organization's "
                    + "deployments (abc1234)");
            assertThat(llm.requests).as("the check asks the model nothing").hasSize(2);
        }
    }

    @Test
    void a_report_without_its_sections_or_a_tool_call_is_sent_back_once_then_handed_to_the_analyst() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenText("## Summary\nNothing wrong.").thenText("## Summary\n\nNothing wrong at all.");
            Api api = server.api();

            String id = start(api);
            JsonNode session = awaitCompleted(api, id);

            assertThat(llm.request(1).toString()).as("the reminder says what the report lacks")
                    .contains("You wrote it without calling a single tool")
                    .contains("It lacks the sections Findings, Likely cause, Timeline, Recommended actions and "
                            + "Not checked.");
            assertThat(events(api, id)).contains("; it is sent back once with a reminder")
                    .contains("lacks the sections Findings, Likely cause, Timeline, Recommended actions and Not "
                            + "checked, after a reminder; the built-in analyst takes over");
            assertThat(session.get("report").asText()).as("the analyst's report").doesNotContain("Nothing wrong")
                    .contains("## Not checked").contains("upstream connect error 502");
            assertThat(llm.requests).hasSize(2);
        }
    }

    /** The request's metrics are shown to the model, and check only the figures of the metrics they hold. */
    @Test
    void the_requests_own_metrics_are_shown_to_the_model_and_vouch_for_their_figures_only() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("search_logs", "{\"query\":\"502\"}").thenText(ModelReports.complete(
                    "Error rate rose from 0.3% to 97%… p99 latency 4.2s; CPU at 99%.", List.of(REAL)));
            ObjectNode context = Json.object().put("service", "checkout").put("logs", LOGS);
            context.putObject("metrics").putArray("error_rate").add(0.01).add(0.02).add(0.03);
            Api api = server.api();

            String report = awaitCompleted(api, start(api, context)).get("report").asText();

            assertThat(llm.request(0).toString()).contains("error_rate").contains("[0.01,0.02,0.03]");
            assertThat(report).startsWith("> **Unverified:** 2 sentences give figures for metrics this session did "
                    + "not read")
                    .contains("p99 latency 4.2s (this metric was not read in this session);")
                    .contains("CPU at 99% (this metric was not read in this session).");
        }
    }

    @Test
    void a_follow_up_answer_is_checked_as_the_report_is_and_its_made_up_lines_are_marked() {
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("search_logs", "{\"query\":\"502\"}")
                    .thenText(ModelReports.complete("Checkout's calls to payments fail.", List.of(REAL)))
                    .thenText("It began with these lines:\n```\n" + REAL + "\n" + MADE_UP + "\n```\n");
            Api api = server.api();
            String id = start(api);
            awaitCompleted(api, id);

            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"when did it start?\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> events(api, id).contains("It began with"));

            assertThat(events(api, id)).as("the answer as said, in the timeline's JSON")
                    .contains("> **Unverified:** 1 of 2 quoted log lines is not in the session's logs")
                    .contains("```\\n(not found in the logs: `" + MADE_UP + "`)");
        }
    }

    /**
     * Context a person pasted under keys of their own is read: a stack trace is searched as a log, a pod's state and an
     * alert's line are shown to the model, and quotes of them stand unmarked, while a made-up line is still marked.
     */
    @Test
    void pasted_context_under_other_keys_is_read_and_its_quotes_stand() {
        String frame = "at com.acme.checkout.PaymentClient.charge(PaymentClient.java:88) StackMarker";
        String trace = "java.lang.IllegalStateException: payment declined\n\t" + frame + "\n"
                + "\tat com.acme.checkout.Handler.handle(Handler.java:12)\n".repeat(20);
        String alert = "2026-01-01T10:00:05Z CRITICAL alertmanager - CheckoutErrorRate firing";
        try (FakeOpenAi llm = new FakeOpenAi(); TestServer server = serverWith(llm)) {
            llm.thenToolCall("search_logs", "{\"query\":\"StackMarker\"}").thenText(ModelReports.complete(
                    "The pod was OOM-killed while charging.", List.of(frame, alert, MADE_UP)));
            ObjectNode context = Json.object().put("service", "checkout").put("logs", LOGS).put("stacktrace", trace)
                    .put("alert", alert);
            context.putObject("kubernetes").put("restarts", 5).put("last_state", "OOMKilled");
            Api api = server.api();

            String report = awaitCompleted(api, start(api, context)).get("report").asText();

            assertThat(llm.request(0).toString()).as("the pod's state is shown, the trace attached")
                    .contains("OOMKilled").contains("Attached (read them with the tools, not shown here): [logs, "
                            + "stacktrace]").doesNotContain("StackMarker");
            assertThat(llm.request(1).toString()).as("search_logs found the frame in the trace")
                    .contains("context.stacktrace").contains("PaymentClient.java:88");
            assertThat(report).startsWith("> **Unverified:** 1 of 3 quoted log lines is not in the session's logs")
                    .contains(MADE_UP + "` (not found in the logs)")
                    .doesNotContain(frame + "` (not found").doesNotContain(alert + "` (not found");
        }
    }

    private static TestServer serverWith(FakeOpenAi llm) {
        return TestServer.start(TestServer.Db.SQLITE, c -> c.withLlm(new AppConfig.Llm("openai", "fake-model",
                llm.baseUrl(), "sk-test-key", 6, Duration.ofSeconds(10))));
    }

    private static String start(Api api) {
        return start(api, Json.object().put("service", "checkout").put("logs", LOGS));
    }

    private static String start(Api api, ObjectNode context) {
        String body = Json.write(Json.object().put("prompt", "Why does checkout fail?").set("context", context));
        return api.post("/api/v1/agent-sessions/", body).json().get("session_id").asText();
    }

    private static JsonNode awaitCompleted(Api api, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/agent-sessions/" + id + "/").json()
                .get("status").asText().equals("completed"));
        return api.get("/api/v1/agent-sessions/" + id + "/").json();
    }

    private static String events(Api api, String id) {
        return api.get("/api/v1/agent-sessions/" + id + "/events/").json().get("results").toString();
    }
}
