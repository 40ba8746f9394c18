package dev.missioncontrol.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.missioncontrol.config.DurationText;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The provider's model with a hard deadline on every answer. The HTTP client's own timeout ends when the headers
 * arrive, so a provider that sends them and then dribbles the body held a worker's slot for minutes and then had its
 * late answer taken. Past the deadline the call is abandoned: its thread is interrupted, on which the JDK's HTTP client
 * cancels the exchange and closes its connection, and the brain hands the session to the analyst. Every failure comes
 * out as a {@link ProviderFailure}, whose words are safe to log.
 */
final class BoundedChatModel extends DelegatingChatModel {
    private final Duration timeout;
    private final String apiKey;

    BoundedChatModel(ChatModel provider, Duration timeout, String apiKey) {
        super(provider);
        this.timeout = timeout;
        this.apiKey = apiKey;
    }

    /**
     * The provider's answer, or a {@link ProviderFailure}; a {@link CancellationException} when this thread is
     * interrupted, as it is when the session's step is abandoned (the session was cancelled or taken over).
     */
    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        FutureTask<ChatResponse> call = new FutureTask<>(() -> provider.chat(request, options));
        Thread.ofVirtual().name("llm-call").start(call);
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw ProviderFailure.of(new HttpTimeoutException("no whole answer within "
                    + DurationText.format(timeout)), timeout, apiKey);
        } catch (InterruptedException abandoned) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the call to the LLM provider was abandoned with its step");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Error e) {
                throw e;
            }
            throw ProviderFailure.of(failed.getCause(), timeout, apiKey);
        } finally {
            call.cancel(true); // nothing, when the answer came; else the late call gives up its connection
        }
    }
}
