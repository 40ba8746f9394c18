package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a call to the LLM provider failed, in the words the timeline shows: what kind of failure and the HTTP status,
 * so a person can tell a rate limit from a wrong key or an outage without the server's log.
 */
final class ProviderFailure {
    /** In the order they are tested: a rate limit is also retriable, a timeout may wrap a connection error. */
    private static final List<Map.Entry<Class<? extends Throwable>, String>> KINDS = List.of(
            Map.entry(RateLimitException.class, "is rate limiting this server"),
            Map.entry(AuthenticationException.class, "refused the API key"),
            Map.entry(ModelNotFoundException.class, "does not know the model"),
            Map.entry(ContentFilteredException.class, "refused the request with its content filter"),
            Map.entry(InvalidRequestException.class, "refused the request as invalid"),
            Map.entry(TimeoutException.class, "did not answer in time"),
            Map.entry(HttpTimeoutException.class, "did not answer in time"),
            Map.entry(ConnectException.class, "could not be reached"),
            Map.entry(InternalServerException.class, "failed on its side"),
            Map.entry(JacksonException.class, "answered with something that is not a valid response"));

    private ProviderFailure() {
    }

    /** "the LLM provider is rate limiting this server (HTTP 429)", "the LLM provider did not answer in time". */
    static String describe(Throwable failure) {
        String status = cause(failure, HttpException.class).map(h -> " (HTTP " + h.statusCode() + ")").orElse("");
        for (var kind : KINDS) {
            if (cause(failure, kind.getKey()).isPresent()) {
                return "the LLM provider " + kind.getValue() + status;
            }
        }
        return status.isEmpty() ? "the LLM provider failed (" + failure.getClass().getSimpleName() + ")"
                : "the LLM provider answered" + status;
    }

    /** The failure itself or the first of its causes that is a {@code kind}. */
    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
        }
        return Optional.empty();
    }
}
