package dev.missioncontrol.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the API clients find and trust the server: flags, or MC_URL / MC_API_KEY / MC_CA_CERT. */
public final class ClientOptions {
    @Option(names = "--url", defaultValue = "${env:MC_URL:-http://localhost:8080}",
            description = "Mission Control URL (MC_URL, default http://localhost:8080).")
    public String url;

    @Option(names = "--api-key", defaultValue = "${env:MC_API_KEY}",
            description = "API key (MC_API_KEY). Prefer the variable: flags show up in process lists.")
    public String apiKey;

    @Option(names = "--ca-cert", defaultValue = "${env:MC_CA_CERT}", paramLabel = "PEM",
            description = "Certificate authorities to trust besides the JDK's, for a server whose certificate an "
                    + "internal CA signed (MC_CA_CERT).")
    public String caCert;

    public ApiClient client() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ClientException("no API key: set MC_API_KEY or pass --api-key");
        }
        // MC_CA_CERT= (set but empty, as compose files and CI templates leave it) trusts nothing more
        return new ApiClient(url, apiKey, caCert == null || caCert.isBlank() ? null : Path.of(caCert.strip()));
    }
}
