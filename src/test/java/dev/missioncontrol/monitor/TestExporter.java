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
 * grow at rates the test sets, as a service's real counters would, and a queue_latency_seconds gauge. A service
 * {@linkplain #pods spread over pods} has its counters, a request-duration histogram and an app_latency_seconds gauge
 * per pod instead, as a scaled-out service's pods expose them.
 */
public final class TestExporter implements AutoCloseable {
    private final HttpServer http;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, long[]> perTick = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, Double> queueLatency = new ConcurrentHashMap<>();
    private final Map<String, Integer> pods = new ConcurrentHashMap<>();
    private final Map<String, Double> podLatency = new ConcurrentHashMap<>();

    public TestExporter() throws IOException {
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

    public int port() {
        return http.getAddress().getPort();
    }

    /** Every 50 ms the service serves {@code ok} good and {@code errors} failed requests. */
    void serve(String service, long ok, long errors) {
        perTick.put(service, new long[] {ok, errors});
    }

    /** The service's queue_latency_seconds gauge reads {@code seconds} from now on. */
    public void queueLatency(String service, double seconds) {
        queueLatency.put(service, seconds);
    }

    /**
     * From now on the service runs as {@code count} pods, each serving its share of the requests {@link #serve}
     * sets, each request taking {@code seconds}, which each pod's app_latency_seconds gauge also reads.
     */
    void pods(String service, int count, double seconds) {
        pods.put(service, count);
        podLatency.put(service, seconds);
    }

    private void tick() {
        perTick.forEach((service, rates) -> {
            int n = pods.getOrDefault(service, 0);
            for (int pod = 0; pod < Math.max(1, n); pod++) {
                String at = n == 0 ? service : service + "|p-" + pod;
                counters.computeIfAbsent(at + "|200", k -> new AtomicLong()).addAndGet(rates[0] / Math.max(1, n));
                counters.computeIfAbsent(at + "|500", k -> new AtomicLong()).addAndGet(rates[1] / Math.max(1, n));
            }
        });
    }

    private String exposition() {
        StringBuilder b = new StringBuilder("# TYPE http_requests_total counter\n");
        counters.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            b.append("http_requests_total{").append(labels(parts)).append(",code=\"").append(parts[parts.length - 1])
                    .append("\"} ").append(value.get()).append('\n');
        });
        podSeries(b);
        b.append("# TYPE queue_latency_seconds gauge\n");
        queueLatency.forEach((service, seconds) -> b.append("queue_latency_seconds{service=\"").append(service)
                .append("\"} ").append(seconds).append('\n'));
        return b.toString();
    }

    /** {@code service="web"}, with {@code ,pod="p-0"} for a pod's series. */
    private static String labels(String[] parts) {
        return "service=\"" + parts[0] + "\"" + (parts.length == 3 ? ",pod=\"" + parts[1] + "\"" : "");
    }

    /** Each pod's latency gauge, and its request-duration histogram: every request it served took the same time. */
    private void podSeries(StringBuilder b) {
        b.append("# TYPE http_request_duration_seconds histogram\n");
        counters.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            if (parts.length == 3 && parts[2].equals("200")) {
                long served = value.get() + counters.getOrDefault(parts[0] + "|" + parts[1] + "|500", new AtomicLong()).get();
                double seconds = podLatency.get(parts[0]);
                for (double le : new double[] {0.05, 0.1, 0.25, 0.5, 1}) {
                    bucket(b, parts, String.valueOf(le), le >= seconds ? served : 0);
                }
                bucket(b, parts, "+Inf", served);
            }
        });
        b.append("# TYPE app_latency_seconds gauge\n");
        pods.forEach((service, count) -> {
            for (int pod = 0; pod < count; pod++) {
                b.append("app_latency_seconds{service=\"").append(service).append("\",pod=\"p-").append(pod)
                        .append("\"} ").append(podLatency.get(service)).append('\n');
            }
        });
    }

    private static void bucket(StringBuilder b, String[] parts, String le, long count) {
        b.append("http_request_duration_seconds_bucket{").append(labels(parts)).append(",le=\"").append(le)
                .append("\"} ").append(count).append('\n');
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.stop(0);
    }
}
