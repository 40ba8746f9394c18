package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactingChatModelTest {
    /** Stands in for the provider and keeps what it was sent. */
    static final class Provider implements ChatModel {
        final List<ChatRequest> sent = new ArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            sent.add(request);
            return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        }
    }

    @Test
    void masks_every_kind_of_message_before_the_provider_sees_it() {
        Provider provider = new Provider();
        ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("search_logs")
                .arguments("{\"query\":\"timeout\",\"DB_PASS\":\"a b c\"}").build();
        new RedactingChatModel(provider).chat(ChatRequest.builder().messages(
                SystemMessage.from("key AKIAABCDEFGHIJKLMNOP"),
                UserMessage.from("the config had passphrase: FollowUp99"),
                AiMessage.from("saw Cookie: session=abc123", List.of(call)),
                ToolExecutionResultMessage.from("call_1", "search_logs", "ok: token=abcd1234efgh")).build());

        String sent = provider.sent.getFirst().messages().toString();
        assertThat(sent).doesNotContain("AKIAABCDEFGHIJKLMNOP").doesNotContain("FollowUp99")
                .doesNotContain("abc123").doesNotContain("a b c").doesNotContain("abcd1234efgh");
        AiMessage ai = (AiMessage) provider.sent.getFirst().messages().get(2);
        assertThat(ai.toolExecutionRequests().getFirst().arguments())
                .isEqualTo("{\"query\":\"timeout\",\"DB_PASS\":\"[REDACTED]\"}");
        assertThat(ai.toolExecutionRequests().getFirst().id()).isEqualTo("call_1");
    }

    @Test
    void refuses_a_message_it_cannot_read_instead_of_sending_it() {
        Provider provider = new Provider();
        assertThatThrownBy(() -> new RedactingChatModel(provider).chat(ChatRequest.builder()
                .messages(CustomMessage.from(Map.of("password", "x"))).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(provider.sent).isEmpty();
    }
}
