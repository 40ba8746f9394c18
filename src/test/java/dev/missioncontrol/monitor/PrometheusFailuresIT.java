package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.signals.PrometheusStub;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A configured Prometheus that fails makes the verdict inconclusive because it failed, said in one short line on the
 * verdict's check and in the report's summary, not "no data" with advice to configure Prometheus.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own server and mostly waits out a bake
class PrometheusFailuresIT {
    private static final String RED = "requests_per_second, error_rate, latency_p95_seconds not checked: ";

    @Test
    void each_way_prometheus_fails_is_the_reason_the_verdict_is_inconclusive() throws Exception {
        try (PrometheusStub stub = new PrometheusStub();
             TestServer server = server()) {
            Api api = server.api();
            Map<String, String> causes = new LinkedHashMap<>();
            causes.put("acme/proxied", "Prometheus " + stub.url("502") + " answered 502");
            causes.put("acme/refused", "Prometheus " + stub.url("bad") + " answered 400: invalid parameter");
            causes.put("acme/dropped", "Prometheus " + stub.dropping() + ": closed the connection without answering");
            String refusing = PrometheusStub.refusing();
            causes.put("acme/down", "Prometheus " + refusing + ": connection refused");
            String[] urls = {stub.url("502"), stub.url("bad"), stub.dropping(), refusing};
            int i = 0;
            for (String repo : causes.keySet()) {
                MonitorFixtures.registerProject(server, repo, Json.object().put("prometheus_url", urls[i++]));
            }
            Map<String, CompletableFuture<JsonNode>> verdicts = new LinkedHashMap<>();
            Map<String, JsonNode> deploys = new LinkedHashMap<>();
            for (String repo : causes.keySet()) {
                JsonNode created = deploy(api, repo, "success");
                deploys.put(repo, created);
                verdicts.put(repo, CompletableFuture.supplyAsync(() -> awaitVerdict(api, created.get("id").asText())));
            }
            for (String repo : causes.keySet()) {
                assertSaysWhy(api, deploys.get(repo), verdicts.get(repo).get().get("verdict"), repo, causes.get(repo));
            }
        }
    }

    @Test
    void a_prometheus_too_slow_to_answer_does_not_stretch_the_bake() throws Exception {
        try (PrometheusStub stub = new PrometheusStub();
             TestServer server = server()) {
            Api api = server.api();
            MonitorFixtures.registerProject(server, "acme/stalled", Json.object().put("prometheus_url", stub.url("slow")));
            long start = System.nanoTime();
            JsonNode created = deploy(api, "acme/stalled", "success");
            JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // each check waits until the next is due (at least 2 s), the last one 15 s: 10 s of bake, then the last
            assertThat(took).as(verdict.toString()).isLessThan(Duration.ofMillis(MonitorFixtures.FAST_BAKE_MILLIS)
                    .plusSeconds(15 + 10));
            // the last check waits longer than the HTTP client does for one answer
            assertSaysWhy(api, created, verdict, "acme/stalled", "Prometheus " + stub.url("slow")
                    + ": timed out after 10 s");
            assertThat(verdict.get("checks").get(0).get("problems").get(0).asText()).isEqualTo(RED + "Prometheus "
                    + stub.url("slow") + " did not answer in time");
        }
    }

    @Test
    void a_prometheus_down_for_a_moment_at_the_final_check_is_asked_again_and_the_verdict_is_reached() throws Exception {
        try (PrometheusStub stub = new PrometheusStub();
             TestServer server = server()) {
            Api api = server.api();
            MonitorFixtures.registerProject(server, "acme/blip", Json.object().put("prometheus_url", stub.url("blip")));
            JsonNode created = deploy(api, "acme/blip", "success");
            stub.blip(Instant.parse(created.get("created_at").asText()).plusMillis(MonitorFixtures.FAST_BAKE_MILLIS),
                    Duration.ofMillis(2500));
            JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");

            assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("healthy");
            JsonNode checks = verdict.get("checks");
            assertThat(checks.get(checks.size() - 1).path("problems").size()).as(verdict.toString()).isZero();
            String timeline = api.get("/api/v1/agent-sessions/" + created.get("agent_session_id").asText()
                    + "/events/").body();
            assertThat(timeline).contains("Check 5, the final one, could not read requests_per_second, error_rate, "
                    + "latency_p95_seconds (requests_per_second, error_rate, latency_p95_seconds not checked: "
                    + "Prometheus " + stub.url("blip") + " answered 503); it asks again at +");
        }
    }

    /** The fast schedule, with each project's own Prometheus on this machine. */
    private static TestServer server() {
        return MonitorFixtures.fastServer(null);
    }

    private static void assertSaysWhy(Api api, JsonNode created, JsonNode verdict, String repo, String cause)
            throws InterruptedException {
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("inconclusive");
        JsonNode checks = verdict.get("checks");
        JsonNode problems = checks.get(checks.size() - 1).get("problems");
        assertThat(problems).as(verdict.toString()).hasSize(1);
        assertThat(problems.get(0).asText()).startsWith(RED + cause).hasSizeLessThan(200);
        String report = MonitorFixtures.report(api, created);
        assertThat(report).contains("Verdict inconclusive for " + repo + " @ abcdef1: " + RED + cause)
                .contains("1. Fix what kept the metrics from being read: " + RED + cause)
                .doesNotContain("neither Prometheus queries nor pushed signals").doesNotContain("configure Prometheus");
        String notChecked = report.substring(report.indexOf("## Not checked"));
        notChecked.lines().forEach(line -> assertThat(line).hasSizeLessThan(200));
        String outcome = MonitorFixtures.session(api, created).at("/summary/outcome").asText();
        assertThat(outcome).startsWith("Verdict inconclusive for " + repo + " @ abcdef1: " + RED + cause);
    }
}
