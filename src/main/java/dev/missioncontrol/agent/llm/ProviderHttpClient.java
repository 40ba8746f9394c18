package dev.missioncontrol.agent.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.missioncontrol.net.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The HTTP client the chat models call their provider with. LangChain4j's own keeps only the status and body of a
 * refusal, so a rate limit's Retry-After was lost and a session waited its own pause, too short for a provider that
 * asked for a minute (and asked again), or too long for one that asked for a second. This one keeps it.
 */
final class ProviderHttpClient implements HttpClient {
    /** The most of one answer read: a model's whole answer with its tool call fits many times over. */
    static final int MAX_ANSWER_BYTES = 8 << 20;

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;

    private ProviderHttpClient(Builder b) {
        var jdk = java.net.http.HttpClient.newBuilder();
        if (b.connectTimeout != null) {
            jdk.connectTimeout(b.connectTimeout);
        }
        http = jdk.build();
        readTimeout = b.readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(jdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
            body = bounded(response);
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new Refusal(response.statusCode(), body, RetryAfter.read(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(body).build();
    }

    /**
     * The body as text, read no further than {@link #MAX_ANSWER_BYTES}: a proxy's error page or a base URL pointed at
     * something else can send gigabytes within the read timeout, and held whole they would exhaust the heap that the
     * server's own threads need. The answer kept of a model is far shorter anyway (64 KiB).
     */
    private static String bounded(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            byte[] read = declared > MAX_ANSWER_BYTES ? new byte[0] : in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (declared > MAX_ANSWER_BYTES || read.length > MAX_ANSWER_BYTES) {
                throw new AnswerTooLarge(response.statusCode());
            }
            return new String(read, StandardCharsets.UTF_8);
        }
    }

    /** An answer larger than any the server takes from a provider; the session hands over saying so. */
    static final class AnswerTooLarge extends RuntimeException {
        AnswerTooLarge(int status) {
            super("the answer (HTTP " + status + ") is larger than " + (MAX_ANSWER_BYTES >> 20) + " MiB; it was not "
                    + "read further");
        }
    }

    /** The chat models here ask for whole answers, never streamed ones. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streamed answers are not asked for");
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        return b.build();
    }

    /** A provider's refusal, with the wait it asked for before the next request, if it named one. */
    static final class Refusal extends HttpException {
        private final transient Optional<Duration> retryAfter;

        Refusal(int status, String body, Optional<Duration> retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(this);
        }
    }
}
