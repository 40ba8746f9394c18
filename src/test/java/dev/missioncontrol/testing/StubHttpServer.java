package dev.missioncontrol.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/** A local HTTP server answering every request with what the test scripts, for answers a real server never gives. */
public final class StubHttpServer implements AutoCloseable {
    /** What to answer one request with. */
    @FunctionalInterface
    public interface Answer {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final String scheme;

    public StubHttpServer(Answer answer) {
        this(null, answer);
    }

    /** Over TLS with {@code tls}'s certificate when it is given, as a server behind its own certificate answers. */
    public StubHttpServer(SSLContext tls, Answer answer) {
        try {
            InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
            if (tls == null) {
                server = HttpServer.create(local, 0);
            } else {
                HttpsServer https = HttpsServer.create(local, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheme = tls == null ? "http" : "https";
        server.createContext("/", exchange -> {
            try (exchange) {
                answer.handle(exchange);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return baseUrl("127.0.0.1");
    }

    /** The address under another name for this machine, such as {@code localhost} for a certificate naming it. */
    public String baseUrl(String host) {
        return scheme + "://" + host + ":" + server.getAddress().getPort();
    }

    /** Sends a status, optional headers as name/value pairs, and a body. */
    public static void reply(HttpExchange exchange, int status, String body, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
