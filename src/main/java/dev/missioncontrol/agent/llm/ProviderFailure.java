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
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.config.DurationText;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a call to the LLM provider failed. Its reason is what the timeline shows: what kind of failure and the HTTP
 * status, so a person can tell a rate limit from a wrong key or an outage without the server's log. Its message is
 * what the log shows: the provider's own words, redacted and cut, as an error body may echo the request or the key
 * itself. It carries neither the cause nor a stack trace, through which the body would reach the log whole.
 */
final class ProviderFailure extends RuntimeException {
    /** How much of the provider's words the log keeps: enough for the error's type and message. */
    static final int MAX_LOGGED_CHARS = 500;

    private static final String LATE = "did not answer in time";
    /** LangChain4j's words for an OpenAI response whose "choices" are empty, which it takes for a server error. */
    private static final String NO_CHOICES = "no choices returned";
    /**
     * Statuses of a provider short of capacity for a while: 503, and Anthropic's 529 "overloaded_error". They come
     * most in the large incidents when many sessions ask at once, and pass like a rate limit.
     */
    private static final Set<Integer> OVERLOADED = Set.of(503, 529);

    /** In the order they are tested: a rate limit is also retriable, a timeout may wrap a connection error. */
    private static final List<Map.Entry<Class<? extends Throwable>, String>> KINDS = List.of(
            Map.entry(RateLimitException.class, "is rate limiting this server"),
            Map.entry(AuthenticationException.class, "refused the API key"),
            // a base URL without its path (http://host instead of http://host/v1) answers 404 too
            Map.entry(ModelNotFoundException.class, "does not know the model, or has no such endpoint (does "
                    + "--llm-base-url need its path, such as /v1?)"),
            Map.entry(ContentFilteredException.class, "refused the request with its content filter"),
            Map.entry(InvalidRequestException.class, "refused the request as invalid"),
            Map.entry(TimeoutException.class, LATE),
            Map.entry(HttpTimeoutException.class, LATE),
            Map.entry(ConnectException.class, "could not be reached"),
            // a gateway behind an internal CA: the JDK's "PKIX path building failed" says nothing of what to do
            Map.entry(SSLHandshakeException.class, "is not trusted over TLS: its certificate is not signed by an "
                    + "authority trusted here, or names another host (--ca-cert or MC_CA_CERT adds an internal CA)"),
            Map.entry(InternalServerException.class, "failed on its side"),
            Map.entry(JacksonException.class, "answered with something that is not a valid response"),
            Map.entry(ProviderHttpClient.AnswerTooLarge.class, "sent an answer larger than "
                    + (ProviderHttpClient.MAX_ANSWER_BYTES >> 20) + " MiB (is the base URL the provider's?)"));

    private final String reason;
    private final boolean passing;
    private final transient Duration retryAfter;

    private ProviderFailure(String reason, String detail, boolean passing, Duration retryAfter) {
        super(detail, null, false, false);
        this.reason = reason;
        this.passing = passing;
        this.retryAfter = retryAfter;
    }

    /**
     * The failure as the timeline and the log may show it. {@code timeout} (may be null) is the time an answer may take,
     * named in a timeout's reason; {@code apiKey} (may be null) is masked wherever the provider's words repeat it.
     */
    static ProviderFailure of(Throwable failure, Duration timeout, String apiKey) {
        if (failure instanceof ProviderFailure known) {
            return known;
        }
        Duration retryAfter = cause(failure, ProviderHttpClient.Refusal.class)
                .flatMap(ProviderHttpClient.Refusal::retryAfter).orElse(null);
        return new ProviderFailure(describe(failure, timeout), detail(failure, apiKey),
                passing(failure, retryAfter != null), retryAfter);
    }

    /**
     * Whether asking again a little later may succeed: a rate limit (HTTP 429), but not a spent quota, which OpenAI
     * also answers with 429 ("insufficient_quota") and which no wait mends; an overloaded provider; and a failure on
     * the provider's side that names a wait itself (Retry-After).
     */
    boolean passing() {
        return passing;
    }

    /** The wait the provider asked for before the next request (its Retry-After), when it named one. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static boolean passing(Throwable failure, boolean waitNamed) {
        if (cause(failure, RateLimitException.class).isPresent()) {
            return cause(failure, RateLimitException.class).filter(r -> !String.valueOf(r.getMessage())
                    .contains("insufficient_quota")).isPresent();
        }
        int status = status(failure);
        return OVERLOADED.contains(status) || status >= 500 && waitNamed;
    }

    /** The HTTP status the provider answered with, 0 when it did not answer with one. */
    private static int status(Throwable failure) {
        return cause(failure, HttpException.class).map(HttpException::statusCode).orElse(0);
    }

    /** "the LLM provider is rate limiting this server (HTTP 429)", "the LLM provider did not answer within 60s". */
    String reason() {
        return reason;
    }

    private static String describe(Throwable failure, Duration timeout) {
        if (cause(failure, InternalServerException.class).map(Throwable::getMessage).orElse("").contains(NO_CHOICES)) {
            return "the LLM provider sent a response with no answer in it (its \"choices\" were empty)";
        }
        String status = cause(failure, HttpException.class).map(h -> " (HTTP " + h.statusCode() + ")").orElse("");
        if (OVERLOADED.contains(status(failure))) {
            return "the LLM provider is overloaded" + status;
        }
        for (var kind : KINDS) {
            if (cause(failure, kind.getKey()).isPresent()) {
                boolean late = kind.getValue().equals(LATE) && timeout != null;
                return "the LLM provider " + (late ? "did not answer within " + DurationText.format(timeout)
                        : kind.getValue()) + status;
            }
        }
        return status.isEmpty() ? "the LLM provider failed (" + failure.getClass().getSimpleName() + ")"
                : "the LLM provider answered" + status;
    }

    /** The provider's words, the key masked first, then everything the redactor masks. */
    private static String detail(Throwable failure, String apiKey) {
        String said = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return Excerpt.of(apiKey == null || apiKey.isBlank() ? said : said.replace(apiKey, Redactor.MASK),
                MAX_LOGGED_CHARS);
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
