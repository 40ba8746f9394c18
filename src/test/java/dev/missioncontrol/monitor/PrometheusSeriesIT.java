package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A query that returns one series per pod is not judged, and the RED defaults come down to one series each, on a
 * real Prometheus scraping a service that scales from 3 to 5 pods at its deploy, each pod as fast as before.
 */
class PrometheusSeriesIT {
    private static final String PER_POD = """
            {"metrics": {
              "app_latency_seconds": {"query": "app_latency_seconds{service=\\"{{service}}\\"}"},
              "app_latency_avg_seconds": {"query": "avg(app_latency_seconds{service=\\"{{service}}\\"})"}
            }}""";

    @Test
    void a_query_of_one_series_per_pod_is_not_judged_and_the_red_defaults_judge_a_scale_up_as_unchanged()
            throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port());
             TestServer server = MonitorFixtures.fastServer(prometheus.url())) {
            Api api = server.api();
            MonitorFixtures.registerProject(server, "acme/pods", Json.read(PER_POD));
            MonitorFixtures.registerProject(server, "acme/red", Json.object());
            for (String service : new String[] {"pods", "red"}) {
                exporter.serve(service, 30, 15);
                exporter.pods(service, 3, 0.12);
            }
            Thread.sleep(14_000); // a 10 s baseline, and rate windows' worth of samples before it

            JsonNode pods = deploy(api, "acme/pods", "success");
            JsonNode red = deploy(api, "acme/red", "success");
            exporter.pods("pods", 5, 0.12);
            exporter.pods("red", 5, 0.12);
            var redVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, red.get("id").asText()));
            JsonNode perPod = awaitVerdict(api, pods.get("id").asText()).get("verdict");

            Map<String, JsonNode> judged = lastMetrics(perPod);
            assertThat(judged).as(perPod.toString()).containsOnlyKeys("app_latency_avg_seconds");
            assertThat(judged.get("app_latency_avg_seconds").get("ratio").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(MonitorFixtures.report(api, pods)).contains("- app_latency_seconds not checked: the query returns 5 series; "
                    + "aggregate it to one, e.g. sum(...) or avg(...)");
            Map<String, JsonNode> defaults = lastMetrics(redVerdict.get().get("verdict"));
            assertThat(defaults).as(redVerdict.get().toString())
                    .containsOnlyKeys("requests_per_second", "error_rate", "latency_p95_seconds");
            defaults.values().forEach(m -> assertThat(m.get("current").isNull()).as(m.toString()).isFalse());
            assertThat(MonitorFixtures.report(api, red)).doesNotContain(" series; aggregate");
        }
    }

    private static Map<String, JsonNode> lastMetrics(JsonNode verdict) {
        JsonNode checks = verdict.get("checks");
        Map<String, JsonNode> out = new HashMap<>();
        checks.get(checks.size() - 1).get("metrics").forEach(m -> out.put(m.get("name").asText(), m));
        return out;
    }
}
