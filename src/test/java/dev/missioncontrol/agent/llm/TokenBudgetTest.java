package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private final List<Entry> timeline = new ArrayList<>();

    @Test
    void each_decision_of_the_model_cost_the_conversation_as_it_stood_before_it() {
        long opening = TokenBudget.spentChars(history(), Conversation.of(history()), 0); // nothing decided yet
        assertThat(opening).isZero();
        add("report", "done", Json.object().put("markdown", "## Summary\n\nAll is well."));
        long afterReport = TokenBudget.spentChars(history(), Conversation.of(history()), 0);
        add("message", "when did it start?", Json.object().put("role", "user"));
        add("message", "At 10:00.", Json.object().put("role", "agent"));
        long afterAnswer = TokenBudget.spentChars(history(), Conversation.of(history()), 0);

        assertThat(afterReport).as("the report was asked on the opening conversation").isPositive();
        assertThat(afterAnswer - afterReport).as("the answer was asked on the opening, the report and the question")
                .isEqualTo(afterReport + "## Summary\n\nAll is well.".length() + "when did it start?".length());
    }

    @Test
    void a_session_past_its_token_budget_goes_to_the_analyst_without_asking_the_model() {
        add("report", "done", Json.object().put("markdown", "## Summary\n\nAll is well."));
        add("message", "and now?", Json.object().put("role", "user"));
        RedactingChatModelTest.Provider provider = new RedactingChatModelTest.Provider();
        Step.Say analystAnswer = new Step.Say("the analyst answers");
        long spent = TokenBudget.spentChars(history(), Conversation.of(history()), 0) / TokenBudget.CHARS_PER_TOKEN;

        Step tight = new LlmBrain(provider, h -> analystAnswer, List.of(), 12, spent).next(history());
        assertThat(tight).isInstanceOf(Step.Note.class);
        assertThat(((Step.Note) tight).data().path("llm_fallback").asBoolean()).isTrue();
        assertThat(((Step.Note) tight).text()).contains("budget of about " + spent + " tokens");
        assertThat(provider.sent).isEmpty();

        Step roomy = new LlmBrain(provider, h -> analystAnswer, List.of(), 12, 100 * spent).next(history());
        assertThat(roomy).as("the model's answer, to be checked before it is said").isInstanceOfSatisfying(
                Step.Note.class, n -> assertThat(n.data().path("llm_answer").asBoolean()).isTrue());
        assertThat(provider.sent).hasSize(1);
    }

    /** Every request describes the tools again; with a dozen tools that outweighs a short conversation. */
    @Test
    void the_tools_descriptions_sent_with_every_request_spend_the_budget() {
        add("report", "done", Json.object().put("markdown", "## Summary\n\nAll is well."));
        add("message", "and now?", Json.object().put("role", "user"));
        long conversation = TokenBudget.spentChars(history(), Conversation.of(history()), 0)
                + Conversation.of(history()).stream().mapToLong(m -> m.toString().length()).sum();
        long budget = 2 * conversation / TokenBudget.CHARS_PER_TOKEN; // room for the conversation alone
        Tool wordy = StubTool.of("analyze_logs", "Reads the logs. ".repeat((int) conversation / 4),
                (args, session) -> ToolResult.noData("none"));
        RedactingChatModelTest.Provider provider = new RedactingChatModelTest.Provider();

        Step next = new LlmBrain(provider, h -> new Step.Say("the analyst answers"), List.of(wordy), 12, budget)
                .next(history());
        assertThat(next).isInstanceOf(Step.Note.class);
        assertThat(((Step.Note) next).text()).contains("budget of about " + budget + " tokens");
        assertThat(provider.sent).isEmpty();
    }

    /** The analyst's own tool calls, in a turn it was handed, do not spend the model's budget of tool calls. */
    @Test
    void the_analysts_tool_calls_do_not_spend_the_models_budget() {
        add("thought", "the LLM provider is rate limiting this server (HTTP 429); the built-in analyst takes over",
                Json.object().put("llm_fallback", true));
        for (int i = 0; i < 3; i++) {
            add("tool_call", "Calling analyze_logs", Json.object().put("tool", "analyze_logs").set("args",
                    Json.object()));
            add("tool_result", "ok", Json.object().put("tool", "analyze_logs").put("call_seq", timeline.size())
                    .put("status", "ok"));
        }
        add("report", "done", Json.object().put("markdown", "## Summary\n\nThe pool ran out."));
        add("message", "when did it start?", Json.object().put("role", "user"));
        RedactingChatModelTest.Provider provider = new RedactingChatModelTest.Provider();

        Step next = new LlmBrain(provider, h -> new Step.Say("the analyst answers"), List.of(), 3, 1_000_000)
                .next(history());
        assertThat(next).as("the model is asked, with its budget of 3 calls untouched").isInstanceOfSatisfying(
                Step.Note.class, n -> assertThat(n.data().path("llm_answer").asBoolean()).isTrue());
        assertThat(provider.sent).hasSize(1);
    }

    /** A slow provider's answers ran the session into its run's time limit, and it failed without any report. */
    @Test
    void an_answer_that_could_outlast_the_run_is_not_asked_for_and_the_analyst_reports_in_time() {
        add("thought", "Asking the LLM provider", Json.object().put("llm_asked", true));
        RedactingChatModelTest.Provider provider = new RedactingChatModelTest.Provider();
        LlmBrain brain = new LlmBrain(provider, h -> new Step.Say("the analyst answers"), List.of(), 12, 1_000_000,
                List.of(), java.time.Duration.ofSeconds(90));
        SessionFacts facts = history().session();

        Step late = brain.next(new History(facts, List.copyOf(timeline), NOW, NOW.plusSeconds(120)));
        assertThat(late).isInstanceOf(Step.Note.class);
        assertThat(((Step.Note) late).text()).startsWith("the LLM's next answer could take longer than this run "
                + "has left (answers may take 90s); the built-in analyst takes over");
        assertThat(provider.sent).isEmpty();

        Step early = brain.next(new History(facts, List.copyOf(timeline), NOW, NOW.plusSeconds(600)));
        assertThat(provider.sent).as("the model is asked while the run has time for it").hasSize(1);
        assertThat(((Step.Note) early).data().path("llm_fallback").asBoolean()).isFalse();

        LlmBrain slowModel = new LlmBrain(provider, h -> new Step.Say("the analyst answers"), List.of(), 12,
                1_000_000, List.of(), java.time.Duration.ofMinutes(14));
        slowModel.next(new History(facts, List.copyOf(timeline), NOW, NOW.plusSeconds(840)));
        assertThat(provider.sent).as("a 14-minute --llm-timeout still lets a run with 14 minutes left ask").hasSize(2);
    }

    private History history() {
        SessionFacts facts = new SessionFacts("s1", "o1", null, "root_cause_analysis", "Why?", Json.object(), NOW);
        return new History(facts, List.copyOf(timeline), NOW);
    }

    private void add(String type, String text, com.fasterxml.jackson.databind.JsonNode data) {
        timeline.add(new Entry(timeline.size() + 1, type, text, data, NOW));
    }
}
