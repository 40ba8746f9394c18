package dev.missioncontrol.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Tool;
import java.util.Collection;
import java.util.List;

/**
 * How many tokens a session has sent the provider, estimated from the timeline alone (the brain keeps no state): every
 * request carries the whole conversation so far, so a decision the model made (a tool call, an answer, the report)
 * cost the conversation as it stood before it. Estimated at {@value #CHARS_PER_TOKEN} characters a token, the usual
 * rule of thumb for English text and JSON with the providers' tokenizers; what a provider bills may differ by a few
 * tenths, which a budget meant to stop runaway sessions can bear. Every request also carries the tools' descriptions
 * and schemas, a few thousand characters that at first outweigh the conversation itself.
 */
final class TokenBudget {
    static final int CHARS_PER_TOKEN = 4;

    private TokenBudget() {
    }

    /**
     * Whether one more request, on {@code conversation} (the timeline's, as {@link Conversation#of} built it for the
     * request) and with tools described in {@code toolChars} characters, would take the session past
     * {@code maxTokens}.
     */
    static boolean wouldExceed(History h, List<ChatMessage> conversation, long toolChars, long maxTokens) {
        return (spentChars(h, conversation, toolChars) + chars(conversation) + toolChars) / CHARS_PER_TOKEN
                > maxTokens;
    }

    /** Characters every request spends on describing {@code tools}: their names, descriptions and schemas. */
    static long toolChars(Collection<Tool> tools) {
        return tools.stream().mapToLong(t -> t.name().length() + t.description().length()
                + t.schema().toString().length()).sum();
    }

    /**
     * Characters the model's decisions so far were asked on, each the whole conversation before it and the tools,
     * measured on the timeline's conversation rather than built again: building it redacts every tool result.
     */
    static long spentChars(History h, List<ChatMessage> conversation, long toolChars) {
        long before = chars(conversation.subList(0, 2)); // the instructions and the request open every conversation
        long spent = 0;
        int message = 2;
        for (Entry e : Conversation.inAnswerOrder(h.entries())) {
            int carried = Conversation.messages(e);
            if (carried == 0) {
                continue;
            }
            if (e.is("tool_call") || e.is("report") || (e.is("message") && !e.isUserMessage())
                    || Reminders.asked(e)) {
                spent += before + toolChars;
            }
            for (int i = 0; i < carried; i++) {
                before += chars(conversation.get(message++));
            }
        }
        return spent;
    }

    private static long chars(List<ChatMessage> messages) {
        return messages.stream().mapToLong(TokenBudget::chars).sum();
    }

    private static long chars(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> s.text().length();
            case UserMessage u -> u.hasSingleText() ? u.singleText().length() : u.toString().length();
            case AiMessage a -> (a.text() == null ? 0 : a.text().length()) + a.toolExecutionRequests().stream()
                    .mapToLong(r -> r.name().length() + (r.arguments() == null ? 0 : r.arguments().length())).sum();
            case ToolExecutionResultMessage r -> r.text().length();
            default -> m.toString().length();
        };
    }
}
