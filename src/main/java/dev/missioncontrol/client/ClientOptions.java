package dev.missioncontrol.client;

import picocli.CommandLine.Option;

/** How the API clients find the server: flags, or MC_URL / MC_API_KEY. */
public final class ClientOptions {
    @Option(names = "--url", defaultValue = "${env:MC_URL:-http://localhost:8080}",
            description = "Mission Control URL (MC_URL, default http://localhost:8080).")
    public String url;

    @Option(names = "--api-key", defaultValue = "${env:MC_API_KEY}",
            description = "API key (MC_API_KEY). Prefer the variable: flags show up in process lists.")
    public String apiKey;

    public ApiClient client() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ClientException("no API key: set MC_API_KEY or pass --api-key");
        }
        return new ApiClient(url, apiKey);
    }
}
