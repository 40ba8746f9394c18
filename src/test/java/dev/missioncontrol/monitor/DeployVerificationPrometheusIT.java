package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Deploy verification against a real Prometheus scraping an exporter the test controls. Three services are deployed
 * at once: one whose errors spike, one that stays calm, and one Prometheus knows nothing about.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own server and mostly waits out a bake
class DeployVerificationPrometheusIT {
    /** Short rate windows, since the test has seconds of data rather than hours. */
    private static final String SETTINGS = """
            {"metrics": {
              "error_rate": {"query": "(sum(rate(http_requests_total{service=\\"{{service}}\\",code=~\\"5..\\"}[3s])) or vector(0)) / sum(rate(http_requests_total{service=\\"{{service}}\\"}[3s]))"},
              "requests_per_second": {"query": "sum(rate(http_requests_total{service=\\"{{service}}\\"}[3s]))"}
            }}""";

    private static final String LATENCY = """
            {"metrics": {"queue_latency_seconds": {"query": "sum(queue_latency_seconds{service=\\"{{service}}\\"})"}}}""";

    @Test
    void error_spike_is_degraded_a_calm_deploy_healthy_and_no_data_inconclusive() throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port());
             TestServer server = MonitorFixtures.fastServer(prometheus.url())) {
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

            assertDegraded(spikyVerdict.get().get("verdict"), MonitorFixtures.report(api, spiky));
            JsonNode healthy = calmVerdict.get().get("verdict");
            assertThat(healthy.get("state").asText()).as(healthy.toString()).isEqualTo("healthy");
            assertThat(lastCheck(healthy).get("metrics")).hasSize(2);
            assertThat(silentVerdict.get("state").asText()).as(silentVerdict.toString()).isEqualTo("inconclusive");
            assertThat(MonitorFixtures.report(api, silent)).contains("inconclusive");
        }
    }

    @Test
    void a_rise_the_metric_made_all_morning_passes_and_the_same_rise_on_a_steady_metric_fails() throws Exception {
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port(),
                     tenMinutesBefore(exporter.port()));
             TestServer server = MonitorFixtures.fastServer(prometheus.url())) {
            Api api = server.api();
            for (String repo : new String[] {"acme/wavy", "acme/steady"}) {
                MonitorFixtures.registerProject(server, repo, Json.read(LATENCY));
            }
            exporter.queueLatency("wavy", 1.0);
            exporter.queueLatency("steady", 1.0);
            Thread.sleep(12_000); // the 10 s baseline, scraped live; the history before it is backfilled

            JsonNode wavy = deploy(api, "acme/wavy", "success");
            JsonNode steady = deploy(api, "acme/steady", "success");
            exporter.queueLatency("wavy", 2.0);
            exporter.queueLatency("steady", 2.0);
            var steadyVerdict = CompletableFuture.supplyAsync(() -> awaitVerdict(api, steady.get("id").asText()));
            JsonNode passed = awaitVerdict(api, wavy.get("id").asText()).get("verdict");
            JsonNode failed = steadyVerdict.get().get("verdict");

            JsonNode ordinary = lastCheck(passed).get("metrics").get(0);
            assertThat(passed.get("state").asText()).as(passed.toString()).isEqualTo("healthy");
            assertThat(ordinary.get("ratio").asDouble()).as(passed.toString()).isGreaterThan(1.5);
            assertThat(ordinary.at("/earlier_windows/as_large").asInt()).isGreaterThan(0);
            assertThat(MonitorFixtures.report(api, wavy)).contains("ordinary:");
            JsonNode moved = lastCheck(failed).get("metrics").get(0);
            assertThat(failed.get("state").asText()).as(failed.toString()).isEqualTo("degraded");
            assertThat(moved.at("/earlier_windows/as_large").asInt()).isZero();
        }
    }

    @Test
    void last_weeks_hours_come_from_prometheus_at_the_same_moments_and_the_move_is_weighed_net_of_them()
            throws Exception {
        // A square wave both weeks and, at the deploy's moment a week earlier, the same jump to 12 s the deploy
        // brings. Both weeks' history is backfilled around a planned deploy moment. What this shows is the wiring:
        // last week's windows and history are read from Prometheus on the same grid as this week's, so the move is
        // measured net of last week. The verdict itself is not asserted: without noise, a deploy a fraction of a
        // second after the planned moment puts one sample of last week's jump into its baseline, which is beyond
        // every earlier pair of a wave that cancels exactly (PushedSignalsIT shows the verdict on noisy data).
        long end = System.currentTimeMillis() / 1000 - 2;
        long planned = end + 14;
        try (TestExporter exporter = new TestExporter();
             PrometheusProcess prometheus = PrometheusProcess.scraping(exporter.port(),
                     weeklyHistory(exporter.port(), end, planned));
             TestServer server = MonitorFixtures.fastServer(prometheus.url())) {
            Api api = server.api();
            MonitorFixtures.registerProject(server, "acme/weekly", Json.read(LATENCY));
            exporter.queueLatency("weekly", 1.0);
            Thread.sleep(Math.max(0, planned * 1000 - System.currentTimeMillis()));

            JsonNode created = deploy(api, "acme/weekly", "success");
            exporter.queueLatency("weekly", 12.0);
            JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");

            JsonNode metric = lastCheck(verdict).get("metrics").get(0);
            assertThat(metric.get("ratio").asDouble()).as(metric.toString()).isGreaterThan(5);
            assertThat(metric.at("/earlier_windows/net_of_last_week").asBoolean()).as(metric.toString()).isTrue();
            assertThat(metric.at("/earlier_windows/pairs").asInt()).isGreaterThanOrEqualTo(EarlierWindows.MIN_PAIRS);
            assertThat(MonitorFixtures.report(api, created)).contains("net of last week");
        }
    }

    /**
     * For the weekly service: ten minutes of the square wave below up to {@code end}, then 1 s as the live scrape
     * reads until the deploy; and a week earlier the same, with 12 s for the 30 s from the planned deploy moment.
     */
    private static String weeklyHistory(int exporterPort, long end, long planned) {
        StringBuilder om = new StringBuilder("# TYPE queue_latency_seconds gauge\n");
        long week = 7 * 24 * 3600;
        for (long t = end - 600 - week; t <= planned + 30 - week; t++) {
            appendSample(om, exporterPort, "weekly", t, t >= planned - week ? 12.0 : wave(t + week, end));
        }
        for (long t = end - 600; t <= end; t++) {
            appendSample(om, exporterPort, "weekly", t, wave(t, end));
        }
        return om.append("# EOF\n").toString();
    }

    /** 10 s at 1 s and 10 s at 4 s, the last 30 s before {@code end} (and anything after it) at 1 s. */
    private static double wave(long t, long end) {
        return t < end - 30 && (t / 10) % 2 == 0 ? 4.0 : 1.0;
    }

    /** One queue_latency_seconds sample under the labels the live scrape gives the service's series. */
    private static void appendSample(StringBuilder om, int exporterPort, String service, long t, double value) {
        om.append("queue_latency_seconds{instance=\"127.0.0.1:").append(exporterPort)
                .append("\",job=\"exporter\",service=\"").append(service).append("\"} ").append(value)
                .append(' ').append(t).append('\n');
    }

    /**
     * Ten minutes of queue_latency_seconds, one sample a second, under the labels the live scrape gives them, up
     * to two seconds ago: for wavy a square wave, 10 s at 1 s and 10 s at 4 s, then its last 30 s at 1 s like the
     * live samples after it, so the gap until the first scrape reads 1 s; for steady, 1 s throughout.
     */
    private static String tenMinutesBefore(int exporterPort) {
        StringBuilder om = new StringBuilder("# TYPE queue_latency_seconds gauge\n");
        long end = System.currentTimeMillis() / 1000 - 2;
        for (String service : new String[] {"wavy", "steady"}) {
            for (long t = end - 600; t <= end; t++) {
                appendSample(om, exporterPort, service, t, service.equals("wavy") ? wave(t, end) : 1.0);
            }
        }
        return om.append("# EOF\n").toString();
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
}
