package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Notes on answers the model is sent back a word about, rather than taken as they are. Each note keeps what the model
 * answered, and the conversation is rebuilt from it as that answer and the word, so the brain keeps no state.
 */
final class Reminders {
    /** An answer that is neither a tool call nor the report. */
    static final String NO_REPORT = "llm_no_report";
    /** An answer the provider cut off at its length limit: not taken, however far it got. */
    static final String CUT_OFF = "llm_cut_off";
    /** A tool call whose arguments are not a JSON object: the tool is not run on arguments the model did not mean. */
    static final String BAD_CALL = "llm_bad_call";
    /** An answer asking for several tools: the first is run, and the model is told after its result. */
    static final String EXTRA_CALLS = "llm_extra_calls";
    /**
     * A tool call the model already made this turn, with the same arguments: its result is in the conversation, and
     * running it again would spend the session's tool calls on nothing (a model looping on one call used all twelve).
     */
    static final String REPEATED_CALL = "llm_repeated_call";
    private static final List<String> KINDS = List.of(NO_REPORT, CUT_OFF, BAD_CALL, EXTRA_CALLS, REPEATED_CALL);
    /** Enough of a malformed call's arguments to see what went wrong, as a cut one's end. */
    private static final int MAX_SHOWN_ARGUMENTS = 300;

    private Reminders() {
    }

    static boolean is(Entry e) {
        return KINDS.stream().anyMatch(kind -> is(e, kind));
    }

    static boolean is(Entry e, String kind) {
        return e.is("thought") && e.data().path(kind).asBoolean();
    }

    /**
     * Whether the note stands for a request to the model, for the token budget. An answer with several tools is
     * counted at the call run from it, which is recorded after the note.
     */
    static boolean asked(Entry e) {
        return is(e) && !is(e, EXTRA_CALLS);
    }

    /** How many messages of the conversation the note becomes, without building them. */
    static int messageCount(Entry e) {
        return is(e, EXTRA_CALLS) ? 1 : 2;
    }

    static List<ChatMessage> messages(Entry e) {
        JsonNode d = e.data();
        if (is(e, BAD_CALL)) {
            String id = Conversation.callId(e.seq());
            String tool = d.path("tool").asText();
            // sent back as a call with no arguments: a provider may refuse to carry arguments that are not JSON
            return List.of(AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool).arguments("{}").build()),
                    ToolExecutionResultMessage.from(id, tool, "error: not run: the arguments " + d.path("problem")
                            .asText() + ": " + d.path("raw").asText() + "\nCall it again with one JSON object."));
        }
        if (is(e, REPEATED_CALL)) {
            String id = Conversation.callId(e.seq());
            String tool = d.path("tool").asText();
            return List.of(AiMessage.from(ToolExecutionRequest.builder().id(id).name(tool)
                            .arguments(d.path("args").toString()).build()),
                    ToolExecutionResultMessage.from(id, tool, "error: not run: " + tool + " was already called with "
                            + "these arguments, and its result is above. Use it, call a tool with other arguments, or "
                            + "write the report."));
        }
        if (is(e, EXTRA_CALLS)) {
            List<String> dropped = new ArrayList<>();
            d.path("dropped").forEach(name -> dropped.add(name.asText()));
            return List.of(UserMessage.from("Only " + d.path("tool").asText() + " was run: one tool is run per "
                    + "answer. Ask for " + String.join(", ", dropped) + " again if you still need it."));
        }
        // a report sent back for what it lacks carries its own reminder, naming the missing sections
        String reminder = is(e, CUT_OFF) ? Instructions.ANSWER_CUT_OFF
                : d.path("reminder").asText(Instructions.REPORT_MISSING);
        return List.of(AiMessage.from(d.path("answer").asText()), UserMessage.from(reminder));
    }

    static Step.Note noReport(String answer) {
        return note(NO_REPORT, "The LLM answered without a report; it is asked again for one",
                Json.object().put("answer", answer));
    }

    static Step.Note cutOff(String answer) {
        return note(CUT_OFF, "The LLM's answer was cut off at its length limit; it is asked to answer again, more "
                + "briefly", Json.object().put("answer", answer.isBlank() ? "[cut off]" : answer));
    }

    /** {@code problem} completes "the arguments …"; the arguments are shown redacted and cut, as the model sent them. */
    static Step.Note badCall(String tool, String problem, String raw) {
        String shown = Excerpt.of(raw, MAX_SHOWN_ARGUMENTS);
        return note(BAD_CALL, "The LLM called " + tool + " with arguments that " + problem + ": " + shown
                + "; it is told so, and the tool is not run",
                Json.object().put("tool", tool).put("problem", problem).put("raw", shown));
    }

    static Step.Note repeatedCall(String tool, JsonNode args) {
        ObjectNode data = Json.object().put("tool", tool);
        data.set("args", args);
        return note(REPEATED_CALL, "The LLM asked for " + tool + " again with the same arguments; it is told its "
                + "earlier result stands, and the tool is not run", data);
    }

    /**
     * Whether the model already called this tool with these arguments since the last question, and got an answer: a
     * call that failed (Prometheus timing out) may be tried again.
     */
    static boolean repeats(History h, String tool, JsonNode args) {
        List<Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0 && !entries.get(i).isUserMessage(); i--) {
            Entry e = entries.get(i);
            if (e.is("tool_call") && tool.equals(e.data().path("tool").asText())
                    && args.equals(e.data().path("args")) && answered(entries, e.seq())) {
                return true;
            }
        }
        return false;
    }

    private static boolean answered(List<Entry> entries, long callSeq) {
        return entries.stream().anyMatch(r -> r.is("tool_result") && r.data().path("call_seq").asLong() == callSeq
                && !"error".equals(r.data().path("status").asText()));
    }

    static Step.Note extraCalls(String tool, JsonNode args, List<String> dropped) {
        ObjectNode data = Json.object().put("tool", tool);
        data.set("args", args);
        dropped.forEach(data.putArray("dropped")::add);
        return note(EXTRA_CALLS, "The LLM asked for " + (dropped.size() + 1) + " tools in one answer; only " + tool
                + " is run, and it is told so", data);
    }

    private static Step.Note note(String kind, String text, ObjectNode data) {
        return new Step.Note(Step.NoteKind.THOUGHT, text, data.put(kind, true));
    }

    /** The call an answer with several tools asked for first, until it is recorded. */
    static Optional<Step> pendingCall(History h) {
        List<Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.is("tool_call")) {
                return Optional.empty();
            }
            if (is(e, EXTRA_CALLS)) {
                return Optional.of(new Step.CallTool(e.data().path("tool").asText(), e.data().path("args")));
            }
        }
        return Optional.empty();
    }

    /**
     * What the model's previous answer was sent back for, when it was: a second such answer in a row is not asked
     * again, whatever each was sent back for. Counted by kind alone, a model alternating a cut-off answer with a
     * malformed call was asked a hundred times, and neither counts against the tool calls. An answer with several
     * tools ran one, so it is no answer sent back.
     */
    static Optional<String> sentBack(History h) {
        List<Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (is(e)) {
                return Stream.of(NO_REPORT, CUT_OFF, BAD_CALL, REPEATED_CALL).filter(kind -> is(e, kind)).findFirst();
            }
            if (e.is("tool_call") || e.is("message") || e.is("report")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** How a hand-over says the answer was the second in a row sent back: "twice in a row" when both were alike. */
    static String inARow(Optional<String> before, String kind) {
        return before.filter(kind::equals).isPresent() ? "twice in a row" : "right after another answer was sent back";
    }
}
