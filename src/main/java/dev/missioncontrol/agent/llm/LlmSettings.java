package dev.missioncontrol.agent.llm;

import java.time.Duration;

/**
 * Which LLM provider the LLM brain talks to, and how far one session may go with it.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint) or {@code anthropic}; null means no LLM
 * @param maxToolCalls tool calls one session may make before the analyst writes the report instead
 */
public record LlmSettings(String provider, String model, String baseUrl, String apiKey, int maxToolCalls,
        Duration timeout) {

    public static LlmSettings none() {
        return new LlmSettings(null, null, null, null, 0, Duration.ZERO);
    }

    public boolean enabled() {
        return provider != null && !provider.isBlank();
    }
}
