package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.LlmSessions.awaitCompleted;
import static dev.missioncontrol.agent.llm.LlmSessions.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.GateTool;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The turns of the model's conversation stay ones the providers accept, whatever the timeline holds: the stand-in
 * provider refuses, as OpenAI does, a tool call whose result does not follow it.
 */
class LlmTurnsIT {

    @Test
    void a_question_posted_while_a_tool_runs_comes_after_its_result_for_the_rest_of_the_session() throws Exception {
        GateTool gate = new GateTool();
        gate.close();
        try (FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(10), gate)) {
            llm.thenToolCall("gate", "{}").thenText(ModelReports.complete("The pool ran out.", List.of()))
                    .thenText("At 10:00.");
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout slow?", "x");
            assertThat(gate.entered.await(20, TimeUnit.SECONDS)).isTrue();
            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"is it the pool?\"}");
            gate.open();

            JsonNode session = awaitCompleted(api, id);
            assertThat(session.get("report").asText()).as(events(api, id).toString()).contains("The pool ran out.");
            JsonNode sent = llm.request(1).get("messages");
            assertThat(sent.get(sent.size() - 2).path("role").asText()).isEqualTo("tool");
            assertThat(sent.get(sent.size() - 1).path("content").asText()).isEqualTo("is it the pool?");

            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"when did it start?\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> events(api, id).toString().contains("At 10:00."));
        }
    }

    /** The model wrote the report without listing deployments; the analyst answering for it must not imply none. */
    @Test
    void the_analyst_answering_a_follow_up_for_a_failed_provider_says_what_the_session_never_looked_at() {
        try (FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(10))) {
            llm.thenToolCall("search_logs", "{\"query\":\"502\"}")
                    .thenText(ModelReports.complete("Checkout's upstream fails.", List.of())); // then: provider down
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout failing?",
                    "2026-01-01T10:00:00Z ERROR checkout - upstream connect error 502");
            awaitCompleted(api, id);

            api.post("/api/v1/agent-sessions/" + id + "/messages/", "{\"content\":\"what changed before?\"}");

            await().atMost(Duration.ofSeconds(20)).until(() -> events(api, id).toString()
                    .contains("Deployments were not looked at in this session, so none can be named or ruled out."));
        }
    }
}
