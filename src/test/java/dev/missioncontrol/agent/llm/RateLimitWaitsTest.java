package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rate-limited turn sleeps once per configured wait, then the analyst takes over; a question starts afresh. */
class RateLimitWaitsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(15), Duration.ofSeconds(45));
    private final List<Entry> timeline = new ArrayList<>();
    private final ChatModel limiting = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            throw new RateLimitException("Rate limit reached for requests");
        }
    };

    @Test
    void each_wait_is_slept_in_turn_and_then_the_analyst_takes_over() {
        add("thought", "asking", Json.object().put("llm_asked", true));
        assertThat(next()).isEqualTo(new Step.Wait(NOW.plusSeconds(15),
                "the LLM provider is rate limiting this server; asking it again in 15s"));
        slept();
        assertThat(next()).isInstanceOf(Step.Wait.class).extracting(s -> ((Step.Wait) s).until())
                .isEqualTo(NOW.plusSeconds(45));
        slept();
        assertThat(next()).isInstanceOfSatisfying(Step.Note.class, n -> assertThat(n.text())
                .endsWith("the built-in analyst takes over"));
    }

    @Test
    void a_question_after_the_waits_were_spent_gets_them_again() {
        add("thought", "asking", Json.object().put("llm_asked", true));
        slept();
        slept();
        add("report", "done", Json.object().put("markdown", "## Summary\n\nAll is well."));
        add("message", "when did it start?", Json.object().put("role", "user"));
        assertThat(next()).isInstanceOf(Step.Wait.class);
    }

    @Test
    void no_waits_configured_hands_over_at_once() {
        add("thought", "asking", Json.object().put("llm_asked", true));
        Step next = new LlmBrain(limiting, h -> new Step.Say("analyst"), List.of(), 12, 1_000_000, List.of())
                .next(history());
        assertThat(next).isInstanceOf(Step.Note.class);
    }

    private Step next() {
        return new LlmBrain(limiting, h -> new Step.Say("analyst"), List.of(), 12, 1_000_000, WAITS).next(history());
    }

    private void slept() {
        add("status", "Sleeping", Json.object().put("sleeping_until", NOW.toString()));
    }

    private History history() {
        SessionFacts facts = new SessionFacts("s1", "o1", null, "root_cause_analysis", "Why?", Json.object(), NOW);
        return new History(facts, List.copyOf(timeline), NOW);
    }

    private void add(String type, String text, com.fasterxml.jackson.databind.JsonNode data) {
        timeline.add(new Entry(timeline.size() + 1, type, text, data, NOW));
    }
}
