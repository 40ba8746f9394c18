package dev.missioncontrol.net;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTP calls to admin-configured URLs. Every connection goes to an address {@link Destinations} checked, redirects
 * are never followed (a 3xx is just an answer), and connect time, total time and response size are capped.
 */
public final class OutboundHttp implements AutoCloseable {
    private final HttpClient client = new HttpClient();
    private final Destinations destinations;
    private final Caps caps;

    /** Limits on every call. */
    public record Caps(Duration connectTimeout, Duration timeout, int maxResponseBytes) {
        public static Caps defaults() {
            return new Caps(Duration.ofSeconds(5), Duration.ofSeconds(10), 4 << 20);
        }
    }

    /**
     * An answer, whatever its status.
     *
     * @param body       null when the answer was too large to read (see {@link TooLarge#answered})
     * @param location   a redirect's Location, or null
     * @param retryAfter the Retry-After header as given, or null: a receiver's rate limit (429) or a restart (503)
     *                   says there when to come back, and an earlier try is refused again
     */
    public record Reply(int status, String body, String location, String retryAfter) {
        public Reply(int status, String body) {
            this(status, body, null, null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public OutboundHttp(Destinations destinations, Caps caps) {
        this.destinations = destinations;
        this.caps = caps;
        client.setFollowRedirects(false);
        client.setSslContextFactory(trusted());
        client.setConnectTimeout(caps.connectTimeout().toMillis());
        client.setSocketAddressResolver((host, port, context, promise) -> {
            try {
                promise.succeeded(destinations.addresses(host).stream()
                        .map(a -> new InetSocketAddress(a, port)).toList());
            } catch (RuntimeException e) {
                promise.failed(e);
            }
        });
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the outbound HTTP client did not start", e);
        }
    }

    /**
     * TLS as the process trusts it: the JDK's authorities, and those of {@code --ca-cert} once {@link TrustedCa}
     * installed them. Jetty would otherwise build a context of its own from the JDK's store alone.
     */
    private static SslContextFactory.Client trusted() {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        try {
            tls.setSslContext(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no default TLS context", e);
        }
        return tls;
    }

    public Destinations destinations() {
        return destinations;
    }

    public Caps caps() {
        return caps;
    }

    public Reply get(URI uri) {
        return get(uri, Map.of());
    }

    public Reply get(URI uri, Map<String, String> headers) {
        Request r = client.newRequest(destinations.check(uri.toString())).method(HttpMethod.GET);
        r.headers(h -> headers.forEach(h::put));
        return send(r);
    }

    public Reply postJson(URI uri, Map<String, String> headers, String body) {
        Request r = client.newRequest(destinations.check(uri.toString())).method(HttpMethod.POST)
                .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8));
        r.headers(h -> headers.forEach(h::put));
        return send(r);
    }

    private Reply send(Request request) {
        request.timeout(caps.timeout().toMillis(), TimeUnit.MILLISECONDS);
        // the status and headers arrive before a body too large to read, and still say what the receiver did
        AtomicReference<Response> head = new AtomicReference<>();
        request.onResponseHeaders(head::set);
        try {
            ContentResponse response = new CompletableResponseListener(request, caps.maxResponseBytes()).send()
                    .get(caps.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return reply(response, response.getContentAsString());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DeniedDestination denied) {
                throw denied;
            }
            // the buffering listener refuses an answer past its capacity as an illegal argument
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage())
                    .startsWith("Buffering capacity")) {
                throw new TooLarge(caps.maxResponseBytes(), head.get() == null ? null : reply(head.get(), null), cause);
            }
            throw new OutboundFailure(TransportFailure.describe(cause, caps.timeout()), cause);
        } catch (TimeoutException e) {
            throw new OutboundFailure(TransportFailure.describe(e, caps.timeout()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundFailure("interrupted", e);
        }
    }

    private static Reply reply(Response response, String body) {
        String location = response.getStatus() / 100 == 3 ? response.getHeaders().get("Location") : null;
        return new Reply(response.getStatus(), body, location, response.getHeaders().get("Retry-After"));
    }

    /**
     * The call could not be made or did not finish: connection refused, timeout, response too large. Its message is
     * one short line for people, such as "connection refused".
     */
    public static class OutboundFailure extends RuntimeException {
        OutboundFailure(String detail, Throwable cause) {
            super(detail, cause);
        }
    }

    /** The answer was larger than {@code maxBytes}, so it was cut off unread. */
    public static final class TooLarge extends OutboundFailure {
        private final int maxBytes;
        private final Reply answered;

        TooLarge(int maxBytes, Reply answered, Throwable cause) {
            super("the answer was larger than " + maxBytes + " bytes", cause);
            this.maxBytes = maxBytes;
            this.answered = answered;
        }

        public int maxBytes() {
            return maxBytes;
        }

        /** The status and headers the receiver answered with, its body null; null if cut off before them. */
        public Reply answered() {
            return answered;
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // stopping: nothing more will be sent
        }
    }
}
