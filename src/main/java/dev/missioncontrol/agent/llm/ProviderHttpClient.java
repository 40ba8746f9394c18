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
        HttpResponse<byte[]> response;
        try {
            response = http.send(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new Refusal(response.statusCode(), body, RetryAfter.read(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(body).build();
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
