package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.net.RetryAfter;
import dev.missioncontrol.store.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads the server's answers strictly: only a 2xx with a JSON body counts. Anything else (a load balancer's
 * redirect, a proxy's error page) is described, so a CLI never reports success for what was never recorded.
 */
public final class Answers {
    private Answers() {
    }

    /** Why the answer is not a success, or null when it is a 2xx. */
    static ClientException refusal(HttpResponse<String> res) {
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status >= 300 && status < 400) {
            return new ClientException("the server answered " + status + redirectHint(res));
        }
        String text = res.body().isBlank() ? "(no body)" : res.body().strip();
        String message = "HTTP " + status + ": " + (text.startsWith("{") ? detail(text) : firstLine(text));
        Duration retryAfter = retryAfter(res);
        // a 409 with Retry-After is a request of the same Idempotency-Key still in flight; without it, a real conflict
        if (status == 429 || status == 409 && retryAfter != null) {
            return ClientException.later(message, retryAfter);
        }
        return status >= 500 ? ClientException.later(message, retryAfter) : new ClientException(message);
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110); null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> res) {
        return RetryAfter.read(res.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null);
    }

    /** Where a redirect points, and what to do about it; empty for anything else. */
    static String redirectHint(HttpResponse<?> res) {
        return res.headers().firstValue("Location")
                .map(to -> " (a redirect to " + to + "); point MC_URL at the final address")
                .orElse(res.statusCode() / 100 == 3 ? " (a redirect); point MC_URL at the final address" : "");
    }

    static JsonNode json(HttpResponse<String> res, String base) {
        if (res.body().isBlank()) {
            throw new ClientException("the server at " + base + " answered " + res.statusCode() + " with no body");
        }
        try {
            return Json.read(res.body());
        } catch (java.io.UncheckedIOException e) {
            throw new ClientException("the answer from " + base + " was not JSON: " + firstLine(res.body().strip()));
        }
    }

    /** The field a command needs from an answer, or a failure that says it was missing. */
    public static String required(JsonNode answer, String field) {
        String value = answer.path(field).asText("");
        if (value.isBlank()) {
            throw new ClientException("the server's answer has no " + field + ": " + clip(answer.toString()));
        }
        return value;
    }

    private static String detail(String json) {
        try {
            return Json.read(json).path("detail").asText(clip(json));
        } catch (java.io.UncheckedIOException e) {
            return firstLine(json);
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return clip(end < 0 ? text : text.substring(0, end));
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
