package dev.missioncontrol.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Locale;

/**
 * Builds the provider's chat model, behind the redactor and a hard deadline on each answer. Retries are off: a failing
 * provider hands the session to the analyst. One tool call per answer: the timeline runs one step at a time, and of a
 * second call in the same answer the model is told that it was not run. Anthropic is told so in the request; OpenAI's
 * reasoning models refuse the matching parameter (parallel_tool_calls) with a 400, so there the instructions ask for
 * it instead.
 */
public final class ChatModels {
    /**
     * Anthropic requires a limit on each answer's tokens. 4096 is the most every Claude model accepts (above a model's
     * own limit the request is refused with a 400), and holds a full report; an answer cut off there is sent back once
     * to be made briefer. It is not --llm-max-tokens, which budgets what a whole session sends. OpenAI's own default
     * is the model's limit, and {@link ReportText#MAX_CHARS} bounds what is kept of any answer.
     */
    static final int ANSWER_TOKENS = 4096;

    private ChatModels() {
    }

    public static ChatModel create(LlmSettings s) {
        return new BoundedChatModel(new RedactingChatModel(provider(s)), s.timeout(), s.apiKey());
    }

    private static ChatModel provider(LlmSettings s) {
        return switch (s.provider().toLowerCase(Locale.ROOT)) {
            case "openai" -> OpenAiChatModel.builder().httpClientBuilder(ProviderHttpClient.builder())
                    .baseUrl(s.baseUrl()).apiKey(s.apiKey()).modelName(s.model()).timeout(s.timeout()).maxRetries(0)
                    .build();
            case "anthropic" -> AnthropicChatModel.builder().httpClientBuilder(ProviderHttpClient.builder())
                    .baseUrl(s.baseUrl()).apiKey(s.apiKey()).modelName(s.model()).timeout(s.timeout()).maxRetries(0)
                    .maxTokens(ANSWER_TOKENS)
                    .disableParallelToolUse(true).build();
            default -> throw new IllegalArgumentException("unknown LLM provider '" + s.provider()
                    + "'; use openai (any OpenAI-compatible endpoint) or anthropic");
        };
    }
}
