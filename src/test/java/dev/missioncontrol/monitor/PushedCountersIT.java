package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static dev.missioncontrol.testing.MonitorFixtures.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Pushed counters (API.md's own example is http_errors_total) are judged as their rate per second: a steady
 * counter is a steady rate, not a rising value, and five times the errors is a fivefold rise. Two instances push
 * their own totals, and one of them restarts (its counter falls to zero) before the deploy.
 */
class PushedCountersIT {
    private static final Duration SPACING = Duration.ofMillis(100);
    private static final String ERRORS = "http_errors_total";

    @Test
    void a_steady_counter_is_healthy_and_five_times_the_errors_a_fivefold_rise_of_its_rate() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, MonitorFixtures.fastSchedule())) {
            Api api = server.api();
            Counters steady = new Counters(api, "acme/counted-steady", 1);
            Counters worse = new Counters(api, "acme/counted-worse", 2);
            JsonNode calm = deployAfterBaseline(api, steady);
            JsonNode bad = deployAfterBaseline(api, worse);
            steady.pushUntil(Instant.parse(calm.get("created_at").asText()).plusSeconds(11), 2.0);
            // the rate rises at the deploy, however long the post took to be recorded on a loaded machine: the
            // samples up to its time are the old rate, or the baseline would hold some of the rise
            Instant deployed = Instant.parse(bad.get("created_at").asText());
            worse.pushUntil(deployed, 2.0);
            worse.pushUntil(deployed.plusSeconds(11), 10.0);
            var healthy = CompletableFuture.supplyAsync(() -> awaitVerdict(api, calm.get("id").asText()));
            JsonNode degraded = awaitVerdict(api, bad.get("id").asText()).get("verdict");

            JsonNode rate = lastMetric(degraded);
            assertThat(degraded.get("state").asText()).as(degraded.toString()).isEqualTo("degraded");
            assertThat(rate.get("name").asText()).isEqualTo("rate(" + ERRORS + ")");
            assertThat(rate.get("ratio").asDouble()).as(rate.toString()).isBetween(4.0, 6.0);
            JsonNode steadyVerdict = healthy.get().get("verdict");
            assertThat(steadyVerdict.get("state").asText()).as(steadyVerdict.toString()).isEqualTo("healthy");
            assertThat(lastMetric(steadyVerdict).get("ratio").asDouble()).isBetween(0.9, 1.1);
            assertThat(MonitorFixtures.report(api, bad)).contains("| rate(" + ERRORS + ") |")
                    .contains("rate(name): a counter pushed as its running total, judged as its increase per second");
        }
    }

    /** Twelve seconds of the counters at 2 a second, with the restart, then the deploy. */
    private static JsonNode deployAfterBaseline(Api api, Counters counters) {
        counters.pushUntil(Instant.now(), 2.0);
        return deploy(api, counters.repo, "success");
    }

    private static JsonNode lastMetric(JsonNode verdict) {
        JsonNode checks = verdict.get("checks");
        return checks.get(checks.size() - 1).get("metrics").get(0);
    }

    /** Two instances' running totals of errors, pushed as a client library would. */
    private static final class Counters {
        final Api api;
        final String repo;
        final Random noise;
        final double[] totals = {5_000, 20};
        Instant next = Instant.now().minusSeconds(12);
        boolean restarted;

        Counters(Api api, String repo, long seed) {
            this.api = api;
            this.repo = repo;
            this.noise = new Random(seed);
        }

        /** Samples every 100 ms up to {@code until}, each instance counting {@code perSecond} errors a second. */
        void pushUntil(Instant until, double perSecond) {
            ArrayNode samples = Json.MAPPER.createArrayNode();
            for (; next.isBefore(until); next = next.plus(SPACING)) {
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += perSecond * SPACING.toMillis() / 1000.0 * (0.8 + 0.4 * noise.nextDouble());
                    if (!restarted && i == 1 && next.isAfter(Instant.now().minusSeconds(6))) {
                        totals[i] = 0.2; // the instance restarted: its counter begins again at zero
                        restarted = true;
                    }
                    samples.addObject().put("name", ERRORS).put("value", totals[i]).put("timestamp", next.toString())
                            .putObject("labels").put("repository", repo).put("instance", "i-" + i);
                }
            }
            if (!samples.isEmpty()) { // the deploy may come within one spacing of the baseline's last sample
                push(api, samples);
            }
        }
    }
}
