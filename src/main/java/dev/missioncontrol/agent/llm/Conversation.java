package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the model's conversation from the timeline, so nothing but the timeline is state. Every message is masked
 * on its way out by {@link RedactingChatModel}; a tool result is redacted here already, field by field and before it
 * is cut, so neither its JSON escaping nor the cut can split a secret from its name. Pasted logs are never sent whole,
 * only what tools return about them.
 */
final class Conversation {
    /** A tool result is cut to this many characters before it is sent; the model can always search for more. */
    static final int MAX_RESULT_CHARS = 12_000;

    private Conversation() {
    }

    static List<ChatMessage> of(History h) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(Instructions.SYSTEM));
        messages.add(UserMessage.from(Instructions.request(h.session())));
        for (Entry e : inAnswerOrder(h.entries())) {
            if (e.is("tool_call")) {
                messages.add(AiMessage.from(request(e)));
            } else if (e.is("tool_result")) {
                messages.add(ToolExecutionResultMessage.from(callId(e.data().path("call_seq").asLong()),
                        e.data().path("tool").asText(), result(e)));
            } else if (e.isUserMessage()) {
                messages.add(UserMessage.from(e.text()));
            } else if (e.is("message") || e.is("report")) {
                messages.add(AiMessage.from(e.is("report") ? e.data().path("markdown").asText(e.text()) : e.text()));
            } else if (Reminders.is(e)) {
                messages.addAll(Reminders.messages(e));
            }
        }
        return messages;
    }

    /**
     * The timeline in the order the providers accept it: each tool call followed at once by its result, as OpenAI and
     * Anthropic refuse a call whose result does not come next. A question posted while the tool ran lands between the
     * two on the timeline; here it comes right after the result, which is also when the brain first saw it. So does
     * the word that only the first of several tools asked for was run, which is recorded before that tool's call.
     */
    static List<Entry> inAnswerOrder(List<Entry> timeline) {
        List<Entry> ordered = new ArrayList<>();
        List<Entry> held = new ArrayList<>();
        Entry openCall = null;
        for (Entry e : timeline) {
            if (openCall != null && !answers(e, openCall) || Reminders.is(e, Reminders.EXTRA_CALLS)) {
                held.add(e);
                continue;
            }
            ordered.add(e);
            if (e.is("tool_call")) {
                openCall = e;
            } else if (openCall != null) {
                openCall = null;
                ordered.addAll(held);
                held.clear();
            }
        }
        ordered.addAll(held); // a call still running: nothing is asked of the model before its result
        return ordered;
    }

    private static boolean answers(Entry result, Entry call) {
        return result.is("tool_result") && result.data().path("call_seq").asLong() == call.seq();
    }

    /** How many messages of the conversation {@code e} becomes, in timeline order. */
    static int messages(Entry e) {
        if (Reminders.is(e)) {
            return Reminders.messageCount(e);
        }
        return e.is("tool_call") || e.is("tool_result") || e.is("message") || e.is("report") ? 1 : 0;
    }

    private static ToolExecutionRequest request(Entry call) {
        return ToolExecutionRequest.builder().id(callId(call.seq())).name(call.data().path("tool").asText())
                .arguments(call.data().path("args").toString()).build();
    }

    private static String result(Entry r) {
        JsonNode data = Redactor.redact(r.data().path("data"));
        String head = Redactor.redact(r.data().path("status").asText() + ": " + r.text());
        String redacted = data == null || data.isNull() || data.isMissingNode() ? head : head + "\n" + data;
        return redacted.length() <= MAX_RESULT_CHARS ? redacted
                : redacted.substring(0, MAX_RESULT_CHARS) + "\n[cut: " + (redacted.length() - MAX_RESULT_CHARS)
                        + " more characters]";
    }

    /** The id ties a result to its call; the seq of the call is stable across resumes. */
    static String callId(long seq) {
        return "call_" + seq;
    }
}
