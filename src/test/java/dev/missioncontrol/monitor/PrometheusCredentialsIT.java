package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus that answers its API only with a password. The server-wide one is asked with the headers of
 * --prometheus-headers-file, read again for each check; a project that names its own URL is never sent them, though
 * it points at the same Prometheus.
 */
class PrometheusCredentialsIT {
    private static final String RATE = """
            {"metrics": {"requests_per_second": {"query": "sum(rate(http_requests_total{service=\\"{{service}}\\"}[3s]))"}}}""";
    private static final String PASSWORD = "only-the-monitor-knows-this";

    @Test
    void the_server_wide_prometheus_gets_the_headers_of_the_file_and_a_projects_own_url_does_not() throws Exception {
        Path headers = Files.createTempFile("mc-prometheus-headers", ".txt");
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.withBasicAuth(exporter.port(), "monitor", PASSWORD)) {
            Files.writeString(headers, "# the deploy monitor's login\nAuthorization: "
                    + PrometheusProcess.basicAuthorization("monitor", PASSWORD) + "\nX-Scope-OrgID: team-a\n");
            try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> {
                AppConfig fast = MonitorFixtures.allowLoopback(prometheus.url())
                        .apply(MonitorFixtures.fastSchedule().apply(c));
                return fast.withIntegrations(fast.integrations().withPrometheusHeaders(headers));
            })) {
                Api api = server.api();
                MonitorFixtures.registerProject(server, "acme/shared", Json.read(RATE));
                ObjectNode own = ((ObjectNode) Json.read(RATE)).put("prometheus_url", prometheus.url() + "/");
                MonitorFixtures.registerProject(server, "acme/own", own);
                exporter.serve("shared", 10, 0);
                exporter.serve("own", 10, 0);
                Thread.sleep(14_000); // a 10 s baseline, plus the 3 s rate window before it

                JsonNode shared = deploy(api, "acme/shared", "success");
                JsonNode ownDeploy = deploy(api, "acme/own", "success");
                var ownVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, ownDeploy.get("id").asText()));
                JsonNode healthy = awaitVerdict(api, shared.get("id").asText()).get("verdict");
                assertThat(healthy.get("state").asText()).as(healthy.toString()).isEqualTo("healthy");
                assertThat(ownVerdict.get().at("/verdict/state").asText()).isEqualTo("inconclusive");
                assertThat(MonitorFixtures.report(api, ownDeploy)).contains("requests_per_second not checked: "
                        + "Prometheus " + prometheus.url() + " answered 401 (it refused the server's login; the "
                        + "server-wide Prometheus is sent the headers of --prometheus-headers-file");

                Files.writeString(headers, "Authorization: " + PrometheusProcess.basicAuthorization("monitor",
                        "last-months-password") + "\n");
                JsonNode rotated = api.post(MonitorFixtures.DEPLOY, "{\"deployment_request\":\"Deploy again\","
                        + "\"repository_full_name\":\"acme/shared\",\"status\":\"success\","
                        + "\"commit_sha\":\"fedcba4321\"}").json();
                assertThat(awaitVerdict(api, rotated.get("id").asText()).at("/verdict/state").asText())
                        .as("the file is read again for each check").isEqualTo("inconclusive");
                assertThat(MonitorFixtures.report(api, rotated)).contains("answered 401")
                        .doesNotContain("last-months-password").doesNotContain(PASSWORD);
            }
        } finally {
            Files.deleteIfExists(headers);
        }
    }
}
