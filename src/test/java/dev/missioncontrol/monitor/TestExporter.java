package dev.missioncontrol.monitor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny Prometheus exporter the test controls: per service, http_requests_total counters for code 200 and 500 that
 * grow at rates the test sets, as a service's real counters would, and a queue_latency_seconds gauge.
 */
final class TestExporter implements AutoCloseable {
    private final HttpServer http;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, long[]> perTick = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, Double> queueLatency = new ConcurrentHashMap<>();

    TestExporter() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/metrics", exchange -> {
            byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        ticker.scheduleAtFixedRate(this::tick, 50, 50, TimeUnit.MILLISECONDS);
    }

    int port() {
        return http.getAddress().getPort();
    }

    /** Every 50 ms the service serves {@code ok} good and {@code errors} failed requests. */
    void serve(String service, long ok, long errors) {
        perTick.put(service, new long[] {ok, errors});
    }

    /** The service's queue_latency_seconds gauge reads {@code seconds} from now on. */
    void queueLatency(String service, double seconds) {
        queueLatency.put(service, seconds);
    }

    private void tick() {
        perTick.forEach((service, rates) -> {
            counters.computeIfAbsent(service + "|200", k -> new AtomicLong()).addAndGet(rates[0]);
            counters.computeIfAbsent(service + "|500", k -> new AtomicLong()).addAndGet(rates[1]);
        });
    }

    private String exposition() {
        StringBuilder b = new StringBuilder("# TYPE http_requests_total counter\n");
        counters.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            b.append("http_requests_total{service=\"").append(parts[0]).append("\",code=\"").append(parts[1])
                    .append("\"} ").append(value.get()).append('\n');
        });
        b.append("# TYPE queue_latency_seconds gauge\n");
        queueLatency.forEach((service, seconds) -> b.append("queue_latency_seconds{service=\"").append(service)
                .append("\"} ").append(seconds).append('\n'));
        return b.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.stop(0);
    }
}
