package dev.missioncontrol.web.ui;

/**
 * The LLM the server was started with, as the settings page shows it. It is set only by flags and the environment,
 * so a provider key never sits in the database; this view says whether a key is set, never the key.
 *
 * @param provider null when no LLM is configured and the built-in analyst works offline
 */
public record LlmStatus(String provider, String model, String baseUrl, boolean keySet) {

    public boolean configured() {
        return provider != null && !provider.isBlank();
    }
}
