package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.util.List;

/**
 * Notes on answers the model is sent back a word about, rather than taken as they are. Each note keeps what the model
 * answered, and the conversation is rebuilt from it as that answer and the word, so the brain keeps no state.
 */
final class Reminders {
    /** An answer that is neither a tool call nor the report. */
    static final String NO_REPORT = "llm_no_report";
    /** An answer the provider cut off at its length limit: not taken, however far it got. */
    static final String CUT_OFF = "llm_cut_off";
    private static final List<String> KINDS = List.of(NO_REPORT, CUT_OFF);

    private Reminders() {
    }

    static boolean is(Entry e) {
        return KINDS.stream().anyMatch(kind -> is(e, kind));
    }

    static boolean is(Entry e, String kind) {
        return e.is("thought") && e.data().path(kind).asBoolean();
    }

    /** Whether the note stands for a request to the model, for the token budget. */
    static boolean asked(Entry e) {
        return is(e);
    }

    static List<ChatMessage> messages(Entry e) {
        String reminder = is(e, CUT_OFF) ? Instructions.ANSWER_CUT_OFF : Instructions.REPORT_MISSING;
        return List.of(AiMessage.from(e.data().path("answer").asText()), UserMessage.from(reminder));
    }

    static Step.Note noReport(String answer) {
        return note(NO_REPORT, "The LLM answered without a report; it is asked again for one",
                Json.object().put("answer", answer));
    }

    static Step.Note cutOff(String answer) {
        return note(CUT_OFF, "The LLM's answer was cut off at its length limit; it is asked to answer again, more "
                + "briefly", Json.object().put("answer", answer.isBlank() ? "[cut off]" : answer));
    }

    private static Step.Note note(String kind, String text, ObjectNode data) {
        return new Step.Note(Step.NoteKind.THOUGHT, text, data.put(kind, true));
    }

    /** Whether the model's previous answer was sent back with the same word: a second in a row is not asked again. */
    static boolean again(History h, String kind) {
        List<Entry> entries = h.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (is(e)) {
                return is(e, kind);
            }
            if (e.is("tool_call") || e.is("message") || e.is("report")) {
                return false;
            }
        }
        return false;
    }
}
