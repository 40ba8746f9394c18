package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The organization's LLM provider, kept in organizations.settings under {@code llm}. The key is stored as typed (the
 * server must send it to the provider) and only ever shown masked.
 */
public record LlmSettings(String provider, String model, String baseUrl, String maskedKey) {
    static final List<String> PROVIDERS = List.of("none", "openai", "anthropic");

    static LlmSettings of(ObjectNode orgSettings) {
        JsonNode llm = orgSettings.path("llm");
        return new LlmSettings(llm.path("provider").asText("none"), llm.path("model").asText(""),
                llm.path("base_url").asText(""), mask(llm.path("api_key").asText("")));
    }

    /** The settings with the form applied; an empty key field keeps the stored key, since it is never shown. */
    static ObjectNode apply(ObjectNode orgSettings, String provider, String model, String baseUrl, String key) {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("provider must be one of " + String.join(", ", PROVIDERS));
        }
        if (baseUrl != null && !baseUrl.isBlank() && !baseUrl.strip().matches("https?://\\S+")) {
            throw new IllegalArgumentException("the base URL must start with http:// or https://");
        }
        ObjectNode out = orgSettings.deepCopy();
        ObjectNode llm = out.withObjectProperty("llm");
        llm.put("provider", provider).put("model", strip(model)).put("base_url", strip(baseUrl));
        if (key != null && !key.isBlank()) {
            llm.put("api_key", key.strip());
        }
        return out;
    }

    public List<String> providers() {
        return PROVIDERS;
    }

    static String mask(String key) {
        if (key.isEmpty()) {
            return "";
        }
        return "••••••••" + (key.length() > 12 ? key.substring(key.length() - 4) : "");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
