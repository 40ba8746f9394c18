package dev.missioncontrol.signals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server in Prometheus' place that answers as a broken one does, one way per path prefix: {@code /502} a proxy's
 * HTML 502 page, {@code /bad} Prometheus' own JSON refusal of a query, {@code /html} a 200 login page, {@code /slow}
 * a valid answer after a long pause, {@code /moved} a redirect to a login page (with a token in its query),
 * {@code /huge} a valid answer of 2 MiB, {@code /empty} no series, answered at the range-query path only,
 * {@code /blip} a steady series of ones, but 503 for a while for ranges reaching a moment ({@link #blip}).
 * {@link #dropping()} is a port that accepts connections and closes them unanswered.
 */
public final class PrometheusStub implements AutoCloseable {
    public static final Duration SLOW = Duration.ofSeconds(30);
    static final String BAD_QUERY = "invalid parameter \\\"query\\\": 1:5: parse error: unexpected end of input";
    /** Prometheus' answer to a query that selects no series. */
    private static final String NO_SERIES = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
    private final HttpServer http;
    private final ServerSocket dropping;
    private final AtomicReference<Instant> blipStarted = new AtomicReference<>();
    private volatile Instant blipFrom;
    private volatile Duration blipLength;

    public PrometheusStub() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/502/", e -> answer(e, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"));
        http.createContext("/bad/", e -> answer(e, 400, "application/json",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + BAD_QUERY + "\"}"));
        http.createContext("/html/", e -> answer(e, 200, "text/html", "<html>Sign in</html>"));
        http.createContext("/slow/", e -> {
            sleep(SLOW);
            answer(e, 200, "application/json", NO_SERIES);
        });
        http.createContext("/empty/", e -> {
            boolean api = e.getRequestURI().getPath().endsWith("/api/v1/query_range");
            answer(e, api ? 200 : 404, api ? "application/json" : "text/plain", api ? NO_SERIES : "404 page not found");
        });
        http.createContext("/moved/", e -> {
            e.getResponseHeaders().set("Location", "https://sso.example.com/login?token=s3cret");
            answer(e, 302, "text/html", "");
        });
        http.createContext("/huge/", e -> answer(e, 200, "application/json", huge()));
        http.createContext("/blip/", this::blip);
        http.start();
        dropping = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::dropAll);
    }

    /**
     * Makes {@code /blip} answer 503 to every range that reaches {@code from}, for {@code length} after the first
     * such query, as a Prometheus restarting under the final check does; before and after, it answers.
     */
    public void blip(Instant from, Duration length) {
        blipFrom = from;
        blipLength = length;
    }

    private void blip(HttpExchange e) throws IOException {
        Map<String, String> q = new HashMap<>();
        for (String pair : e.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        double start = Double.parseDouble(q.get("start"));
        double end = Double.parseDouble(q.get("end"));
        double step = Double.parseDouble(q.get("step"));
        if (blipFrom != null && end * 1000 >= blipFrom.toEpochMilli()) {
            Instant first = blipStarted.updateAndGet(t -> t == null ? Instant.now() : t);
            if (Instant.now().isBefore(first.plus(blipLength))) {
                answer(e, 503, "text/plain", "Service Unavailable");
                return;
            }
        }
        StringBuilder values = new StringBuilder();
        for (double t = start; t <= end; t += step) {
            values.append(values.isEmpty() ? "" : ",").append('[').append(t).append(",\"1\"]");
        }
        answer(e, 200, "application/json", "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[{\"metric\":{},\"values\":[" + values + "]}]}}");
    }

    /**
     * The base URL of a Prometheus that fails the given way: "502", "bad", "html", "slow", "moved", "huge", "empty"
     * (no series) or "blip".
     */
    public String url(String way) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + way;
    }

    public String dropping() {
        return "http://127.0.0.1:" + dropping.getLocalPort();
    }

    /** A port nothing listens on. */
    public static String refusing() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /**
     * Each connection on its own thread: one that is slow to send its request must not hold up the others, whose
     * queries would then time out instead of being dropped.
     */
    private void dropAll() {
        while (!dropping.isClosed()) {
            try {
                Socket s = dropping.accept();
                Thread.ofVirtual().start(() -> drop(s));
            } catch (IOException closed) {
                // the stub is closing
            }
        }
    }

    private static void drop(Socket s) {
        try (s) {
            s.getInputStream().read(new byte[1024]); // read the request, then hang up without a word
        } catch (IOException gone) {
            // the client gave up first
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange e, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** One series of 2 MiB of points, as a query of a long range at a fine step returns. */
    private static String huge() {
        StringBuilder values = new StringBuilder();
        for (long t = 1_700_000_000L; values.length() < 2 << 20; t++) {
            values.append(values.isEmpty() ? "" : ",").append('[').append(t).append(",\"1\"]");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                + "\"values\":[" + values + "]}]}}";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        dropping.close();
    }
}
