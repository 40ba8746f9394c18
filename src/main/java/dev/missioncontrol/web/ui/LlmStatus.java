package dev.missioncontrol.web.ui;

/**
 * The LLM the server was started with, as the settings page shows it. It is set only by flags and the environment,
 * so a provider key never sits in the database; this view says whether a key is set, never the key.
 *
 * @param provider null when no LLM is configured and the built-in analyst works offline
 */
public record LlmStatus(String provider, String model, String baseUrl, boolean keySet) {

    /**
     * The base URL as every member may read it: a gateway's URL can carry a credential in its user part or its query
     * (Azure's {@code ?api-key=}), which the page must not show where the key itself is never shown.
     */
    public String shownBaseUrl() {
        return shown(baseUrl);
    }

    /** Any provider base URL without the credential its user part or query may carry; also for the log. */
    public static String shown(String baseUrl) {
        if (baseUrl == null) {
            return null;
        }
        return baseUrl.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1…@").replaceAll("=[^&#]*", "=…");
    }

    public boolean configured() {
        return provider != null && !provider.isBlank();
    }
}
