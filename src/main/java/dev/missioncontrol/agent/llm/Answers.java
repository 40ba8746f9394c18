package dev.missioncontrol.agent.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import java.util.Optional;

/** Answers of the model that cannot be taken as they came: cut off, or stopped by a filter. */
final class Answers {
    private Answers() {
    }

    /**
     * What to do instead of taking an answer the provider did not let finish; empty for one that finished. A cut-off
     * answer would pass for a report ("## Summary\nThe database conn"), so it is sent back once to be made briefer.
     */
    static Optional<Step> unfinished(History h, ChatResponse response) {
        FinishReason reason = response.finishReason();
        if (reason == FinishReason.LENGTH) {
            String text = response.aiMessage().text() == null ? "" : ReportText.capped(response.aiMessage().text());
            return Optional.of(Reminders.again(h, Reminders.CUT_OFF)
                    ? LlmBrain.handOver("the LLM's answer was cut off at its length limit twice in a row")
                    : Reminders.cutOff(text));
        }
        if (reason == FinishReason.CONTENT_FILTER) {
            return Optional.of(LlmBrain.handOver("the LLM provider's content filter stopped the LLM's answer"));
        }
        return Optional.empty();
    }
}
