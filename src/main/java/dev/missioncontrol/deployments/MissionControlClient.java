package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CI side of the deployments API: post an event, then long-poll its verdict. */
final class MissionControlClient {
    /** The server holds one long poll at most this long (API.md). */
    static final int MAX_WAIT_PER_REQUEST = 600;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String key;

    /** The server could not be reached or refused the request; the message says which. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    MissionControlClient(String base, String key) {
        this.base = base.replaceAll("/+$", "");
        this.key = key;
    }

    String link(String path) {
        return base + path;
    }

    JsonNode postDeployment(JsonNode event, String idempotencyKey) {
        HttpRequest.Builder b = request("/api/v1/deployments/", Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build(), 201);
    }

    /** Polls until the verdict is final or {@code max} has passed; returns the deployment as last read. */
    JsonNode awaitVerdict(String deploymentId, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode d;
        do {
            long left = Math.max(1, Math.min(MAX_WAIT_PER_REQUEST, (deadline - System.nanoTime()) / 1_000_000_000L));
            HttpRequest r = request("/api/v1/deployments/" + deploymentId + "/?wait=" + left,
                    Duration.ofSeconds(left + 30)).GET().build();
            d = send(r, 200);
        } while (!isFinal(d.path("verdict")) && System.nanoTime() < deadline);
        return d;
    }

    static boolean isFinal(JsonNode verdict) {
        String state = verdict.path("state").asText("pending");
        return !state.equals("pending");
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                JsonNode problem = r.body().isBlank() ? Json.object() : Json.read(r.body());
                throw new Failure(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode()
                        + ": " + problem.path("detail").asText(r.body()));
            }
            return Json.read(r.body());
        } catch (IOException e) {
            throw new Failure("cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        } catch (java.io.UncheckedIOException e) {
            throw new Failure("the answer was not JSON: " + e.getMessage());
        }
    }
}
