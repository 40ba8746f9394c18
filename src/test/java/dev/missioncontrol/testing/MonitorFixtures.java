package dev.missioncontrol.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.monitor.MonitorSchedule;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Deploy-monitor helpers for tests: a fast schedule, and pushing samples the way a client would. */
public final class MonitorFixtures {
    public static final String SIGNALS = "/api/v1/signals/";
    public static final String DEPLOY = "/api/v1/deployments/";

    private MonitorFixtures() {
    }

    private static final List<Duration> FAST_OFFSETS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));
    private static final Duration FAST_BAKE = Duration.ofSeconds(10);
    /** The fast schedule's bake time, for a test that waits it out. */
    public static final long FAST_BAKE_MILLIS = FAST_BAKE.toMillis();

    /** Checks at +1 s, +2 s, +4 s, +8 s and the final one at +10 s; sessions polled every 100 ms. */
    public static UnaryOperator<AppConfig> fastSchedule() {
        return c -> c.withRuntime(new AppConfig.Runtime(16, Duration.ofSeconds(30), Duration.ofMillis(100),
                FAST_OFFSETS, FAST_BAKE, Duration.ZERO, Duration.ofSeconds(15)));
    }

    /** How many checks the fast schedule makes. */
    public static int fastScheduleChecks() {
        return new MonitorSchedule(FAST_OFFSETS, FAST_BAKE).checkOffsets().size();
    }

    /** Lets outbound calls reach this machine, where the tests' receivers and Prometheus listen. */
    public static UnaryOperator<AppConfig> allowLoopback(String prometheusUrl) {
        return c -> c.withIntegrations(new AppConfig.Integrations(prometheusUrl, Duration.ofSeconds(1),
                Duration.ofDays(15), List.of("127.0.0.0/8"), Duration.ofMillis(200)));
    }

    /** A server on SQLite with the fast schedule, asking the Prometheus at {@code prometheusUrl} on this machine. */
    public static TestServer fastServer(String prometheusUrl) {
        return TestServer.start(TestServer.Db.SQLITE, c -> allowLoopback(prometheusUrl).apply(fastSchedule().apply(c)));
    }

    /** {@code count} samples of one metric, {@code spacing} apart from {@code from}, around {@code level}. */
    public static ArrayNode samples(String repo, String metric, Instant from, Duration spacing, int count,
            double level, long seed) {
        Random noise = new Random(seed);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode s = out.addObject().put("name", metric)
                    .put("value", level * (0.9 + 0.2 * noise.nextDouble()))
                    .put("timestamp", from.plus(spacing.multipliedBy(i)).toString());
            s.putObject("labels").put("repository", repo).put("instance", "i-" + (i % 2));
        }
        return out;
    }

    /** Multiplies the value of every sample whose timestamp {@code when} accepts by {@code factor}; returns them. */
    public static ArrayNode multiplyWhere(ArrayNode samples, Predicate<Instant> when, double factor) {
        for (JsonNode s : samples) {
            if (when.test(Instant.parse(s.get("timestamp").asText()))) {
                ((ObjectNode) s).put("value", s.get("value").asDouble() * factor);
            }
        }
        return samples;
    }

    public static void push(Api api, ArrayNode samples) {
        ObjectNode body = Json.object();
        body.set("samples", samples);
        Api.Reply r = api.post(SIGNALS, Json.write(body));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
    }

    public static JsonNode deploy(Api api, String repo, String status) {
        Api.Reply r = api.post(DEPLOY, "{\"deployment_request\":\"Deploy " + repo + "\",\"repository_full_name\":\""
                + repo + "\",\"status\":\"" + status + "\",\"commit_sha\":\"abcdef1234\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Long-polls the deployment until its verdict is final (or 60 s pass). */
    public static JsonNode awaitVerdict(Api api, String deploymentId) {
        return api.get(DEPLOY + deploymentId + "/?wait=60").json();
    }

    /** Registers a project with these settings before its first deploy, as an admin would in its settings. */
    public static void registerProject(TestServer server, String repo, JsonNode settings) {
        var jdbi = server.app().database().jdbi();
        OrgStore orgs = new OrgStore(jdbi, Clock.systemUTC());
        String orgId = orgs.findOrgByName("default").orElseThrow().id();
        var project = jdbi.inTransaction(h -> OrgStore.insertProject(h, orgId, repo, Instant.now()));
        orgs.updateProjectSettings(orgId, project.id(), settings);
    }

    /** The monitor session's report once it has one (within 5 s). */
    public static String report(Api api, JsonNode created) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            JsonNode s = session(api, created);
            if (s.hasNonNull("report") && !s.get("report").asText().isEmpty()) {
                return s.get("report").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no report for " + created);
    }

    public static JsonNode session(Api api, JsonNode created) {
        return api.get("/api/v1/agent-sessions/" + created.path("agent_session_id").asText() + "/").json();
    }
}
