package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static dev.missioncontrol.testing.MonitorFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Deploy verification against a real Prometheus scraping an exporter the test controls. Three services are deployed
 * at once: one whose errors spike, one that stays calm, and one Prometheus knows nothing about.
 */
class DeployVerificationPrometheusIT {
    /** Short rate windows, since the test has seconds of data rather than hours. */
    private static final String SETTINGS = """
            {"metrics": {
              "error_rate": {"query": "(sum(rate(http_requests_total{service=\\"{{service}}\\",code=~\\"5..\\"}[3s])) or vector(0)) / sum(rate(http_requests_total{service=\\"{{service}}\\"}[3s]))"},
              "requests_per_second": {"query": "sum(rate(http_requests_total{service=\\"{{service}}\\"}[3s]))"}
            }}""";

    @Test
    void error_spike_is_degraded_a_calm_deploy_healthy_and_no_data_inconclusive() throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port());
             TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> MonitorFixtures.allowLoopback(
                     prometheus.url()).apply(MonitorFixtures.fastSchedule().apply(c)))) {
            Api api = server.api();
            for (String repo : new String[] {"acme/spiky", "acme/calm", "acme/silent"}) {
                MonitorFixtures.registerProject(server, repo, Json.read(SETTINGS));
            }
            exporter.serve("spiky", 10, 1);
            exporter.serve("calm", 10, 1);
            Thread.sleep(14_000); // a 10 s baseline, plus the 3 s rate window before it

            JsonNode spiky = deploy(api, "acme/spiky", "success");
            exporter.serve("spiky", 10, 20);
            JsonNode calm = deploy(api, "acme/calm", "success");
            JsonNode silent = deploy(api, "acme/silent", "success");
            var spikyVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, spiky.get("id").asText()));
            var calmVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, calm.get("id").asText()));
            JsonNode silentVerdict = awaitVerdict(api, silent.get("id").asText()).get("verdict");

            assertDegraded(spikyVerdict.get().get("verdict"), reportOf(api, spiky));
            JsonNode healthy = calmVerdict.get().get("verdict");
            assertThat(healthy.get("state").asText()).as(healthy.toString()).isEqualTo("healthy");
            assertThat(lastCheck(healthy).get("metrics")).hasSize(2);
            assertThat(silentVerdict.get("state").asText()).as(silentVerdict.toString()).isEqualTo("inconclusive");
            assertThat(reportOf(api, silent)).contains("inconclusive");
        }
    }

    private static void assertDegraded(JsonNode verdict, String report) {
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("degraded");
        JsonNode errors = null;
        for (JsonNode m : lastCheck(verdict).get("metrics")) {
            errors = m.get("name").asText().equals("error_rate") ? m : errors;
        }
        assertThat(errors).isNotNull();
        assertThat(errors.get("result").asText()).isEqualTo("high");
        assertThat(errors.get("ratio").asDouble()).isGreaterThan(2);
        assertThat(errors.get("p_value").asDouble()).isLessThan(0.02);
        assertThat(report).contains("| error_rate | ").contains("Verdict degraded");
    }

    private static JsonNode lastCheck(JsonNode verdict) {
        JsonNode checks = verdict.get("checks");
        return checks.get(checks.size() - 1);
    }

    private static String reportOf(Api api, JsonNode created) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            JsonNode s = session(api, created);
            if (s.hasNonNull("report") && !s.get("report").asText().isEmpty()) {
                return s.get("report").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no report for " + created);
    }
}
