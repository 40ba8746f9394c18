package dev.missioncontrol.monitor;

import dev.missioncontrol.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A real Prometheus (Debian's package) scraping the test's exporter every second. Without the binary the test is
 * skipped with a message, except in CI (MC_REQUIRE_POSTGRES=1, set by .ci/run, which installs it), where it fails.
 */
public final class PrometheusProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;
    /** The Authorization header its API wants; null when it wants none. */
    private final String authorization;

    private PrometheusProcess(Process process, int port, Path dir, String authorization) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.authorization = authorization;
    }

    public static PrometheusProcess scraping(int exporterPort) throws Exception {
        return scraping(exporterPort, null);
    }

    /**
     * Scraping the exporter, with {@code history} (OpenMetrics text ending in {@code # EOF}) written into its
     * storage first by promtool, as an operator backfills a new Prometheus: the hours before the test began.
     */
    static PrometheusProcess scraping(int exporterPort, String history) throws Exception {
        return start(exporterPort, history, null, null);
    }

    /**
     * Scraping the exporter, and answering its HTTP API only to {@code user} with {@code password} (basic auth, its
     * web configuration holding the password's bcrypt hash), as a Prometheus exposed beyond its own network is run.
     */
    static PrometheusProcess withBasicAuth(int exporterPort, String user, String password) throws Exception {
        String hash = new BCryptPasswordEncoder(4).encode(password);
        return start(exporterPort, null, "basic_auth_users:\n  " + user + ": " + hash + "\n",
                basicAuthorization(user, password));
    }

    /** {@code Basic base64(user:password)}, as a client sends it. */
    static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static PrometheusProcess start(int exporterPort, String history, String webConfig,
            String authorization) throws Exception {
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
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
        if (webConfig != null) {
            Files.writeString(dir.resolve("web.yml"), webConfig);
            command.add("--web.config.file=" + dir.resolve("web.yml"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prom = new PrometheusProcess(p, port, dir, authorization);
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
                var ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready"));
                if (authorization != null) {
                    ready.header("Authorization", authorization);
                }
                var r = client.send(ready.build(), HttpResponse.BodyHandlers.ofString());
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
