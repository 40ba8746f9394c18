package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small client for Mission Control's API, used by the CLI commands. */
public final class ApiClient {
    /**
     * HTTP/1.1: the JDK's default sends an h2c upgrade request on plain HTTP, which some proxies in front of a
     * self-hosted server refuse; the server speaks HTTP/1.1 anyway.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;

    public ApiClient(String base, String key) {
        this.base = base.replaceAll("/+$", "");
        this.key = key;
    }

    public String base() {
        return base;
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build(), Duration.ofSeconds(60));
    }

    public JsonNode get(String path, Duration timeout) {
        return send(request(path).timeout(timeout).GET().build(), timeout);
    }

    public JsonNode post(String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(b::header);
        return send(b.build(), Duration.ofSeconds(60));
    }

    /** Follows a server-sent event stream, handing each event's data to {@code onEvent} until it returns false. */
    public void stream(String path, long afterSeq, java.util.function.Predicate<JsonNode> onEvent) {
        HttpRequest req = request(path).setHeader("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(afterSeq)).GET().build();
        try {
            HttpResponse<java.io.InputStream> res = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                throw new ClientException("stream refused with HTTP " + res.statusCode());
            }
            readEvents(res.body(), onEvent);
        } catch (IOException e) {
            throw new ClientException("lost the connection to " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readEvents(java.io.InputStream body, java.util.function.Predicate<JsonNode> onEvent)
            throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data:") && !onEvent.test(Json.read(line.substring(5).strip()))) {
                    return;
                }
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest req, Duration timeout) {
        try {
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode body = res.body().isBlank() ? Json.object() : Json.read(res.body());
            if (res.statusCode() >= 400) {
                throw new ClientException("HTTP " + res.statusCode() + ": " + body.path("detail").asText(res.body()));
            }
            return body;
        } catch (java.io.UncheckedIOException e) {
            throw new ClientException("the answer from " + base + " was not JSON: " + e.getMessage());
        } catch (ConnectException e) {
            throw new ClientException("cannot reach " + base + " (is the server running? set MC_URL)");
        } catch (IOException e) {
            throw new ClientException("request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

}
