package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.net.TrustedCa;
import dev.missioncontrol.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/** A small client for Mission Control's API, used by the CLI commands. */
public final class ApiClient {
    /**
     * HTTP/1.1: the JDK's default sends an h2c upgrade request on plain HTTP, which some proxies in front of a
     * self-hosted server refuse; the server speaks HTTP/1.1 anyway.
     */
    private static final HttpClient HTTP = builder().build();
    private final HttpClient http;
    private final String base;
    private final String key;

    public ApiClient(String base, String key) {
        this(base, key, null);
    }

    /**
     * Refuses a base that is not an http(s) URL with a host, so no request is built from it. A key read from a CI
     * secret or a file often ends in a line break, which is taken off; one with a break or space inside is refused
     * without being shown, since the message lands in a CI log.
     *
     * @param caCert a PEM file of certificate authorities trusted besides the JDK's ({@link TrustedCa}), or null
     */
    public ApiClient(String base, String key, Path caCert) {
        this.base = base.strip().replaceAll("/+$", "");
        this.key = key.strip();
        if (!this.key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new ClientException("the API key (MC_API_KEY or --api-key) has a space, a line break or another "
                    + "character no key has inside it; copy the key again");
        }
        URI uri = parse(this.base, "--url (MC_URL)");
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new ClientException("--url (MC_URL) must be an http:// or https:// address with a host, not " + base);
        }
        this.http = caCert == null ? HTTP : builder().sslContext(trusting(caCert)).build();
    }

    private static SSLContext trusting(Path caCert) {
        try {
            return TrustedCa.with(caCert);
        } catch (TrustedCa.UnusableCaCert e) {
            throw new ClientException(e.getMessage());
        }
    }

    /** The advice for a refused handshake; trying again would change nothing, so it is no network failure. */
    private ClientException refused(SSLHandshakeException e) {
        return new ClientException(TrustedCa.refusal(base, e, "--url (MC_URL)"));
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
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

    /**
     * A creation's answer, and whether the server only repeated what it answered an earlier request of the same
     * Idempotency-Key (API.md: {@code Idempotent-Replayed: true}), so nothing new was created.
     */
    public record Created(JsonNode json, boolean replayed) {
    }

    public Created create(String path, JsonNode body, String idempotencyKey) {
        HttpRequest req = request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> res = exchange(req);
        return new Created(Answers.json(res, base),
                res.headers().firstValue("Idempotent-Replayed").filter("true"::equalsIgnoreCase).isPresent());
    }

    /** Follows a server-sent event stream, handing each event's data to {@code onEvent} until it returns false. */
    public void stream(String path, long afterSeq, java.util.function.Predicate<JsonNode> onEvent) {
        HttpRequest req = request(path).setHeader("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(afterSeq)).GET().build();
        try {
            HttpResponse<java.io.InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() != 200) {
                String refused = "the event stream was refused: the server answered " + res.statusCode()
                        + Answers.redirectHint(res);
                // a 5xx is a node restarting or its database away for a moment: worth opening the stream again
                throw res.statusCode() >= 500 ? ClientException.network(refused) : new ClientException(refused);
            }
            readEvents(res.body(), onEvent);
        } catch (SSLHandshakeException e) {
            throw refused(e);
        } catch (IOException e) {
            throw ClientException.network("lost the connection to " + base + ": " + e.getMessage());
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
        return HttpRequest.newBuilder(parse(base + path, "the request path")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest req, Duration timeout) {
        return Answers.json(exchange(req), base);
    }

    /** The server's answer when it is a 2xx; anything else, or no answer, is thrown as what it means. */
    private HttpResponse<String> exchange(HttpRequest req) {
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            ClientException refused = Answers.refusal(res);
            if (refused != null) {
                throw refused;
            }
            return res;
        } catch (ConnectException e) {
            throw ClientException.network("cannot reach " + base + " (is the server running? check --url or MC_URL)");
        } catch (SSLHandshakeException e) {
            throw refused(e);
        } catch (IOException e) {
            throw ClientException.network("request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    /** Text typed by a person (a session id) made safe as one segment of a request path. */
    public static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI parse(String url, String what) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new ClientException(what + " is not a valid URL (" + e.getReason() + "): " + url);
        }
    }
}
