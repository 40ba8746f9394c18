package dev.missioncontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A small HTTP client for tests; every call goes over a real socket. */
public final class Api {
    /** HTTP/1.1 like curl and CI: the JDK's default attempts an h2c upgrade on every new plain-HTTP connection. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    /** A response with its body parsed when it is JSON. */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return Json.read(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        Reply withStatus() {
            return new Reply(raw.statusCode(), raw);
        }
    }

    public Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public Reply get(String path) {
        return send(builder(path).GET().build());
    }

    public Reply head(String path) {
        return send(builder(path).HEAD().build(), Duration.ofSeconds(10));
    }

    public Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofString(json));
        all.forEach((k, v) -> {
            if (v != null) {
                b.setHeader(k, v);
            }
        });
        return send(b.build());
    }

    public Reply patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Reply postBytes(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::setHeader);
        return send(b.build());
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    /** Like {@link #send(HttpRequest)}, but gives up after {@code atMost}: for a request an endless stream may answer. */
    public Reply send(HttpRequest request, Duration atMost) {
        CompletableFuture<HttpResponse<String>> answer = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return new Reply(0, answer.get(atMost.toMillis(), TimeUnit.MILLISECONDS)).withStatus();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError("no complete answer within " + atMost + " (an endless stream?)");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(HttpRequest request) {
        try {
            return new Reply(0, CLIENT.send(request, HttpResponse.BodyHandlers.ofString())).withStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
