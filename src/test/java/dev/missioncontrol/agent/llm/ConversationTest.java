package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

    @Test
    void a_tool_result_without_data_reaches_the_model_as_its_status_and_summary_alone() {
        Entry call = new Entry(1, "tool_call", "Calling search_logs", Json.object().put("tool", "search_logs")
                .set("args", Json.object().put("query", "timeout")), NOW);
        var resultData = Json.object().put("tool", "search_logs").put("call_seq", 1).put("status", "no_data");
        resultData.putNull("data");
        Entry result = new Entry(2, "tool_result", "0 lines match 'timeout'", resultData, NOW);
        History h = new History(new SessionFacts("s1", "o1", null, "root_cause_analysis", "Why?", Json.object(), NOW),
                List.of(call, result), NOW);

        ToolExecutionResultMessage sent = Conversation.of(h).stream()
                .filter(ToolExecutionResultMessage.class::isInstance).map(ToolExecutionResultMessage.class::cast)
                .findFirst().orElseThrow();
        assertThat(sent.text()).isEqualTo("no_data: 0 lines match 'timeout'");
    }

    @Test
    void a_question_posted_while_a_tool_ran_follows_the_tools_result() {
        Entry call = new Entry(1, "tool_call", "Calling gate", Json.object().put("tool", "gate")
                .set("args", Json.object()), NOW);
        Entry question = new Entry(2, "message", "is it the pool?", Json.object().put("role", "user"), NOW);
        Entry result = new Entry(3, "tool_result", "gate passed", Json.object().put("tool", "gate").put("call_seq", 1)
                .put("status", "ok"), NOW);
        History h = new History(new SessionFacts("s1", "o1", null, "root_cause_analysis", "Why?", Json.object(), NOW),
                List.of(call, question, result), NOW);

        List<ChatMessage> sent = Conversation.of(h).subList(2, 5);
        assertThat(sent.get(0)).isInstanceOf(AiMessage.class);
        assertThat(sent.get(1)).isInstanceOfSatisfying(ToolExecutionResultMessage.class,
                r -> assertThat(r.id()).isEqualTo(Conversation.callId(1)));
        assertThat(sent.get(2)).isEqualTo(UserMessage.from("is it the pool?"));
    }

    @Test
    void the_word_that_only_the_first_of_two_tools_ran_follows_that_tools_result() {
        var asked = Json.object().put("llm_extra_calls", true).put("tool", "current_time");
        asked.set("args", Json.object());
        asked.putArray("dropped").add("list_deployments");
        Entry note = new Entry(1, "thought", "The LLM asked for 2 tools", asked, NOW);
        Entry call = new Entry(2, "tool_call", "Calling current_time", Json.object().put("tool", "current_time")
                .set("args", Json.object()), NOW);
        Entry result = new Entry(3, "tool_result", "It is 09:00", Json.object().put("tool", "current_time")
                .put("call_seq", 2).put("status", "ok"), NOW);
        History h = new History(new SessionFacts("s1", "o1", null, "root_cause_analysis", "Why?", Json.object(), NOW),
                List.of(note, call, result), NOW);

        List<ChatMessage> sent = Conversation.of(h).subList(2, Conversation.of(h).size());
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1)).isInstanceOf(ToolExecutionResultMessage.class);
        assertThat(sent.get(2)).isEqualTo(UserMessage.from("Only current_time was run: one tool is run per answer. "
                + "Ask for list_deployments again if you still need it."));
    }
}
