package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A gauge that turns NaN at the deploy, and one that turns +Inf, on a real Prometheus: the samples are left out of
 * the comparison, and the check says so and how many, rather than leaving a metric judged on one sample, or none,
 * with advice to lengthen the bake; a metric worse when it rises that turns +Inf fails the deploy.
 */
class PrometheusUnusableSamplesIT {
    private static final String LATENCY = """
            {"metrics": {"queue_latency_seconds": {"query": "sum(queue_latency_seconds{service=\\"{{service}}\\"})"}}}""";

    @Test
    void nan_and_inf_samples_after_the_deploy_are_counted_and_explained_in_the_check() throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port());
             TestServer server = MonitorFixtures.fastServer(prometheus.url())) {
            Api api = server.api();
            MonitorFixtures.registerProject(server, "acme/nan", Json.read(LATENCY));
            MonitorFixtures.registerProject(server, "acme/inf", Json.read(LATENCY));
            exporter.queueLatency("nan", 1.0);
            exporter.queueLatency("inf", 1.0);
            Thread.sleep(12_000); // the 10 s baseline

            JsonNode nan = deploy(api, "acme/nan", "success");
            JsonNode inf = deploy(api, "acme/inf", "success");
            exporter.queueLatency("nan", Double.NaN);
            exporter.queueLatency("inf", Double.POSITIVE_INFINITY);
            var infVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, inf.get("id").asText()));
            JsonNode nanVerdict = awaitVerdict(api, nan.get("id").asText()).get("verdict");

            assertExplained(api, nan, nanVerdict, "NaN", "NaN comes of 0/0, such as a ratio over no requests, or is exported as such");
            JsonNode infinite = infVerdict.get().get("verdict");
            assertExplained(api, inf, infinite, "+Inf",
                    "+Inf comes of a division by zero, such as errors / successes when nothing succeeds");
            // NaN says nothing either way; +Inf on a metric worse when it rises is as bad as a move gets
            assertThat(nanVerdict.get("state").asText()).as(nanVerdict.toString()).isEqualTo("inconclusive");
            assertThat(infinite.get("state").asText()).as(infinite.toString()).isEqualTo("degraded");
            JsonNode latency = lastMetric(infinite);
            assertThat(latency.get("result").asText()).isEqualTo("high");
            assertThat(latency.get("found_by").asText()).isEqualTo("unbounded");
            assertThat(latency.get("severity").asText()).isEqualTo("critical");
            assertThat(latency.get("baseline").asDouble()).isEqualTo(1.0);
            assertThat(infinite.get("checks").size()).as("a total outage settles before the bake ends")
                    .isLessThan(MonitorFixtures.fastScheduleChecks());
            assertThat(MonitorFixtures.report(api, inf)).contains("unbounded (infinite since the deploy)")
                    .doesNotContain("no samples since the deploy");
        }
    }

    private static JsonNode lastMetric(JsonNode verdict) {
        JsonNode checks = verdict.get("checks");
        return checks.get(checks.size() - 1).get("metrics").get(0);
    }

    private static void assertExplained(Api api, JsonNode created, JsonNode verdict, String kind, String cause)
            throws InterruptedException {
        JsonNode checks = verdict.get("checks");
        String line = unusableLine(checks.get(checks.size() - 1).path("problems"));
        assertThat(line).as(verdict.toString()).matches("queue_latency_seconds: Prometheus answered \\Q" + kind
                + "\\E for (\\d+) of (\\d+) samples since the deploy \\(0 of \\d+ before it\\), left out of the "
                + "comparison: \\Q" + cause + "\\E");
        String[] counts = line.replaceAll(".* for (\\d+) of (\\d+) samples since.*", "$1 $2").split(" ");
        // the samples before the scrape that saw the change still read 1; every later one is unusable
        assertThat(Integer.parseInt(counts[0])).isGreaterThan(Integer.parseInt(counts[1]) / 2);
        assertThat(MonitorFixtures.report(api, created)).contains("- " + line)
                .doesNotContain("configure Prometheus")
                .as("a series answering NaN still answers: it did not go quiet").doesNotContain("no samples for");
    }

    private static String unusableLine(JsonNode problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(p -> lines.add(p.asText()));
        return lines.stream().filter(l -> l.startsWith("queue_latency_seconds: Prometheus answered")).findFirst()
                .orElse(String.join(" | ", lines));
    }
}
