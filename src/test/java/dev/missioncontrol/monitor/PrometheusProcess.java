package dev.missioncontrol.monitor;

import dev.missioncontrol.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's package) scraping the test's exporter every second. Without the binary the test is
 * skipped with a message, except in CI (MC_REQUIRE_POSTGRES=1, set by .ci/run, which installs it), where it fails.
 */
public final class PrometheusProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private PrometheusProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static PrometheusProcess scraping(int exporterPort) throws Exception {
        return scraping(exporterPort, null);
    }

    /**
     * Scraping the exporter, with {@code history} (OpenMetrics text ending in {@code # EOF}) written into its
     * storage first by promtool, as an operator backfills a new Prometheus: the hours before the test began.
     */
    static PrometheusProcess scraping(int exporterPort, String history) throws Exception {
        Path binary = binary();
        Path dir = Files.createTempDirectory("mc-prom");
        if (history != null) {
            backfill(binary.resolveSibling("promtool"), dir, history);
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: exporter
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(exporterPort));
        int port = freePort();
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prom = new PrometheusProcess(p, port, dir);
        prom.awaitReady();
        return prom;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "the prometheus binary is not installed (apt-get install -y prometheus)";
        if (TestDatabases.postgresRequired()) {
            throw new IllegalStateException(message + ", and CI (MC_REQUIRE_POSTGRES=1) requires it");
        }
        Assumptions.abort(message + "; skipping the Prometheus integration test");
        return null;
    }

    private static void backfill(Path promtool, Path dir, String history) throws Exception {
        Path input = dir.resolve("history.om");
        Files.writeString(input, history);
        Process p = new ProcessBuilder(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
                input.toString(), dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("promtool could not backfill: " + Files.readString(dir.resolve("promtool.log")));
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus was not ready within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
