package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.TcpProxy;
import dev.missioncontrol.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} started while PostgreSQL is not taking connections yet (restarting, failing over, a whole cluster
 * coming up at once): the node waits for it, saying so once per attempt, and serves once it answers; it gives up
 * with one line when the wait runs out. The database is reached through a proxy that refuses until the test lets
 * connections through.
 */
class DatabaseAtStartIT {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private String databaseUrl;
    private TcpProxy proxy;
    private Process node;

    @BeforeEach
    void setUp() throws IOException {
        databaseUrl = TestDatabases.freshPostgres();
        URI pg = URI.create("tcp://" + TestDatabases.postgresHost());
        proxy = TcpProxy.to(pg.getHost(), pg.getPort());
        proxy.pointAt(freePort()); // nothing listens there: every connection is refused, as a stopped server's
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (node != null) {
            node.destroy();
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (databaseUrl != null) {
            TestDatabases.dropPostgres(databaseUrl);
        }
    }

    @Test
    void a_node_started_before_its_database_waits_for_it_and_then_serves(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        serve(dataDir, port, "2m");
        await().atMost(Duration.ofSeconds(60)).until(() -> attempts() >= 2);
        assertThat(node.isAlive()).isTrue();

        proxy.pointAt(URI.create("tcp://" + TestDatabases.postgresHost()).getPort()); // the database is up
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        assertThat(log).filteredOn(l -> l.contains("does not take connections yet"))
                .allMatch(l -> l.contains("attempt ") && l.contains("giving up in"));
    }

    @Test
    void a_node_whose_database_never_comes_gives_up_after_the_wait_with_one_line(@TempDir Path dataDir)
            throws Exception {
        serve(dataDir, freePort(), "3s");

        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("gave up").isTrue();
        assertThat(node.exitValue()).isEqualTo(1);
        assertThat(attempts()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> log.stream().anyMatch(l -> l.startsWith("serve: ")));
        assertThat(log).filteredOn(l -> l.startsWith("serve: ")).singleElement().asString()
                .contains("did not take connections within 3 s").contains("--database-wait")
                .doesNotContain("\tat ");
    }

    /** No wait mends a database that does not exist: the start says so at once instead of trying for minutes. */
    @Test
    void a_database_that_does_not_exist_is_reported_at_once_not_waited_for(@TempDir Path dataDir) throws Exception {
        proxy.pointAt(URI.create("tcp://" + TestDatabases.postgresHost()).getPort());
        TestDatabases.dropPostgres(databaseUrl); // the server answers, the database is gone
        serve(dataDir, freePort(), "2m");

        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("gave up without waiting out 2m").isTrue();
        assertThat(node.exitValue()).isEqualTo(1);
        assertThat(attempts()).isZero();
    }

    private long attempts() {
        return log.stream().filter(l -> l.contains("does not take connections yet")).count();
    }

    private void serve(Path dataDir, int port, String wait) throws IOException {
        String viaProxy = databaseUrl.replace(TestDatabases.postgresHost(), "127.0.0.1:" + proxy.port());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--database-url", viaProxy, "--database-wait", wait));
        node = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> {
            try {
                err.lines().forEach(log::add);
            } catch (UncheckedIOException e) {
                // the node ended
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
