package dev.missioncontrol.agent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.store.Json;
import java.io.UncheckedIOException;

/**
 * The provider's model behind the redactor: every message of every request (instructions, the user's words, tool
 * calls and results, earlier answers) is masked on its way out, whoever built it, so a new tool or a new kind of
 * message cannot forget it. A message it cannot read is refused rather than sent as is.
 */
final class RedactingChatModel extends DelegatingChatModel {

    RedactingChatModel(ChatModel provider) {
        super(provider);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return provider.chat(request.toBuilder().messages(request.messages().stream()
                .map(RedactingChatModel::redacted).toList()).build(), options);
    }

    static ChatMessage redacted(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> SystemMessage.from(Redactor.redact(s.text()));
            case UserMessage u -> u.toBuilder().contents(u.contents().stream().map(RedactingChatModel::redacted)
                    .toList()).build();
            case AiMessage a -> a.toBuilder().text(Redactor.redact(a.text())).thinking(Redactor.redact(a.thinking()))
                    .toolExecutionRequests(a.toolExecutionRequests().stream().map(RedactingChatModel::redacted)
                            .toList()).build();
            case ToolExecutionResultMessage r -> r.toBuilder().contents(r.contents().stream()
                    .map(RedactingChatModel::redacted).toList()).build();
            default -> throw new IllegalArgumentException("cannot redact a " + m.type() + " message; not sent");
        };
    }

    private static Content redacted(Content c) {
        if (c instanceof TextContent t) {
            return TextContent.from(Redactor.redact(t.text()));
        }
        throw new IllegalArgumentException("cannot redact " + c.type() + " content; not sent");
    }

    private static ToolExecutionRequest redacted(ToolExecutionRequest call) {
        return call.toBuilder().arguments(redactedArguments(call.arguments())).build();
    }

    /** Arguments are JSON: redacted field by field, so a secret's name masks its whole value; else as text. */
    private static String redactedArguments(String args) {
        if (args == null || args.isBlank()) {
            return args;
        }
        try {
            return Json.write(Redactor.redact(Json.read(args)));
        } catch (UncheckedIOException notJson) {
            return Redactor.redact(args);
        }
    }
}
