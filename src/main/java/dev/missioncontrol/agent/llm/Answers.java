package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Answers of the model that cannot be taken as they came: cut off, stopped by a filter, or a malformed tool call. */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

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
            Optional<String> before = Reminders.sentBack(h);
            return Optional.of(before.isPresent()
                    ? LlmBrain.handOver("the LLM's answer was cut off at its length limit "
                            + Reminders.inARow(before, Reminders.CUT_OFF))
                    : Reminders.cutOff(text));
        }
        if (reason == FinishReason.CONTENT_FILTER) {
            return Optional.of(LlmBrain.handOver("the LLM provider's content filter stopped the LLM's answer"));
        }
        return Optional.empty();
    }

    /**
     * The tool the answer asks for. One tool is run per answer, as the model is told: a second is not run, and the
     * model is told so after the first one's result. Arguments that are not a JSON object are not taken for none, and
     * arguments longer than an answer may be are not taken at all.
     */
    static Step toolCall(History h, List<ToolExecutionRequest> calls) {
        ToolExecutionRequest call = calls.getFirst();
        String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
        if (raw.length() > ReportText.MAX_CHARS) { // kept whole, they would make the timeline as long
            return badCall(h, call.name(), "are longer than the " + ReportText.MAX_CHARS + " characters kept of an "
                    + "answer", raw);
        }
        JsonNode args;
        try {
            args = JSON.readTree(raw);
        } catch (IOException e) {
            return badCall(h, call.name(), "are not valid JSON", raw);
        }
        if (args == null || !args.isObject()) {
            return badCall(h, call.name(), "are not a JSON object", raw);
        }
        if (Reminders.repeats(h, call.name(), args)) {
            Optional<String> before = Reminders.sentBack(h);
            return before.isPresent() ? LlmBrain.handOver("the LLM asked again for a tool call it had already made "
                    + Reminders.inARow(before, Reminders.REPEATED_CALL)) : Reminders.repeatedCall(call.name(), args);
        }
        if (calls.size() > 1) {
            return Reminders.extraCalls(call.name(), args, calls.subList(1, calls.size()).stream()
                    .map(ToolExecutionRequest::name).toList());
        }
        return new Step.CallTool(call.name(), args);
    }

    private static Step badCall(History h, String tool, String problem, String raw) {
        Optional<String> before = Reminders.sentBack(h);
        return before.isPresent()
                ? LlmBrain.handOver("the LLM sent tool arguments that " + problem + " "
                        + Reminders.inARow(before, Reminders.BAD_CALL))
                : Reminders.badCall(tool, problem, raw);
    }
}
