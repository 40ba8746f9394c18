package dev.missioncontrol.monitor;

import static dev.missioncontrol.testing.MonitorFixtures.awaitVerdict;
import static dev.missioncontrol.testing.MonitorFixtures.deploy;
import static dev.missioncontrol.testing.MonitorFixtures.push;
import static dev.missioncontrol.testing.MonitorFixtures.samples;
import static dev.missioncontrol.testing.MonitorFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.deployments.DeployCommand;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.MonitorFixtures;
import dev.missioncontrol.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import picocli.CommandLine;

/**
 * Deploy verification end to end on pushed samples, with the fast schedule (checks at +1, 2, 4, 8, 10 s). Each test
 * watches its own project on the one server and spends most of its time waiting out the bake, so they run a few at
 * a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class PushedSignalsIT {
    private static final Duration SPACING = Duration.ofMillis(100);
    TestServer server;
    Api api;

    @BeforeAll
    void start() {
        server = TestServer.start(TestServer.Db.SQLITE, MonitorFixtures.fastSchedule());
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void errors_rising_after_the_deploy_end_degraded_with_the_numbers_in_the_report() {
        String repo = "acme/pushed-bad";
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 40, 5.0, 7));

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("degraded");
        JsonNode metric = verdict.get("checks").get(verdict.get("checks").size() - 1).get("metrics").get(0);
        assertThat(metric.get("name").asText()).isEqualTo("error_rate");
        assertThat(metric.get("result").asText()).isEqualTo("high");
        assertThat(metric.get("found_by").asText()).isEqualTo("levels");
        assertThat(metric.get("ratio").asDouble()).isGreaterThan(3);
        assertThat(verdict.get("decided_at").isNull()).isFalse();
        String report = awaitReport(created);
        assertThat(report).contains("| metric | baseline | current | ratio | p-value | result | found by |")
                .contains("| error_rate |").contains("degraded");
    }

    /** CI cancelling the job after its deploy step succeeded: the rollout runs, and a bad one is still told. */
    @Test
    void a_cancel_posted_after_the_success_leaves_the_watch_to_its_verdict() {
        String repo = "acme/pushed-cancelled-after";
        JsonNode success = successThen(repo, "cancelled");
        Instant at = Instant.parse(success.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 40, 5.0, 7));

        JsonNode verdict = awaitVerdict(api, success.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("degraded");
        assertThat(verdict.get("checks")).isNotEmpty();
        assertThat(timeline(success)).contains("Deployment event cancelled arrived after success; it changes nothing: "
                + "the rollout already ran, so the watch goes on").doesNotContain("Deployment is now cancelled");
    }

    private String timeline(JsonNode deployment) {
        return api.get("/api/v1/agent-sessions/" + deployment.get("agent_session_id").asText() + "/events/").body();
    }

    /** A healthy baseline, then the run's success and a later event of it, which joins the success's session. */
    private JsonNode successThen(String repo, String later) {
        pushBaseline(repo);
        JsonNode success = deployRun(repo, "success");
        JsonNode after = deployRun(repo, later);
        assertThat(after.get("agent_session_id")).isEqualTo(success.get("agent_session_id"));
        return success;
    }

    @Test
    void an_unchanged_service_ends_healthy_after_the_bake_time() {
        JsonNode created = deployUnchanged("acme/pushed-good");

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("healthy");
        assertThat(verdict.get("score").asDouble()).isEqualTo(100.0);
        assertThat(verdict.get("checks").size()).isEqualTo(5);
        var events = api.get("/api/v1/agent-sessions/" + created.get("agent_session_id").asText() + "/events/").json();
        long checks = 0;
        for (JsonNode e : events.get("results")) {
            checks += e.get("type").asText().equals("check") ? 1 : 0;
        }
        assertThat(checks).isEqualTo(5);
    }

    @Test
    void a_running_event_committed_after_the_success_does_not_stop_the_watch() {
        // CI jobs posting to several nodes at once commit their events in any order
        String repo = "acme/pushed-late-running";
        JsonNode success = successThen(repo, "running");
        Instant at = Instant.parse(success.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 110, 1.0, 13));

        JsonNode verdict = awaitVerdict(api, success.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("healthy");
        assertThat(verdict.get("checks").size()).isEqualTo(MonitorFixtures.fastScheduleChecks());
        assertThat(timeline(success)).contains("Deployment event running arrived after success; it changes nothing")
                .doesNotContain("Deployment is now running");
    }

    @Test
    void a_service_that_stops_reporting_after_its_deploy_is_named_as_silent_not_asked_for_data() {
        String repo = "acme/pushed-silent";
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success"); // and not one sample after it

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("inconclusive");
        JsonNode checks = verdict.get("checks");
        assertThat(checks.get(checks.size() - 1).get("problems").get(0).asText())
                .startsWith("no samples since the deploy for error_rate (had ")
                .endsWith(" before): the service may be down or no longer reporting");
        assertThat(awaitReport(created)).contains("error_rate: samples before the deploy and none after it")
                .contains("Check that the service is up and still reporting").doesNotContain("Give the monitor data");
    }

    /** A new version that crashes a few seconds in: its first samples look fine, then there are none. */
    @Test
    void a_service_that_stops_reporting_part_way_through_the_watch_is_named_and_does_not_pass() {
        String repo = "acme/pushed-went-quiet";
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 25, 1.0, 61)); // +0 to +2.4 s, then quiet

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        JsonNode last = verdict.get("checks").get(verdict.get("checks").size() - 1);
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("inconclusive");
        assertThat(last.at("/metrics/0/result").asText()).isEqualTo("nodata");
        assertThat(last.get("problems").get(0).asText()).startsWith("no samples for error_rate since +2s of a ")
                .endsWith(" watch: the service may be down, its metrics pipeline broken, or the series no longer written");
        assertThat(awaitReport(created)).contains("Check that the service is up and still reporting");
    }

    @Test
    void a_clean_deploy_right_after_a_bad_one_names_the_bad_one_before_it_says_roll_back() {
        String repo = "acme/pushed-overlap";
        pushBaseline(repo);
        JsonNode bad = deployCommit(repo, "aaaa111");
        JsonNode clean = deployCommit(repo, "bbbb222"); // lands within the bad one's errors, changes nothing
        Instant at = Instant.parse(bad.get("created_at").asText());
        // pushed after both deploys, so however long the push takes the clean one lands right after the bad one
        push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 200, 5.0, 17));

        JsonNode judged = awaitVerdict(api, clean.get("id").asText());
        String report = awaitReport(clean);
        assertThat(report).contains("Other deployments within the compared windows").contains(bad.get("id").asText())
                .contains("aaaa111").contains("check whether the move is theirs");
        // CI and the alerts read the verdict, not the report
        assertThat(judged.at("/verdict/other_deployments/0/id").asText()).isEqualTo(bad.get("id").asText());
    }

    /** v2 lands 6 s into v1's watch and raises the errors fivefold: that is v2's harm, not v1's. */
    @Test
    void a_deploy_superseded_by_a_bad_one_is_judged_up_to_it_and_its_watch_ends_there() throws InterruptedException {
        String repo = "acme/pushed-superseded";
        pushBaseline(repo);
        JsonNode v1 = deployCommit(repo, "aaaa333");
        Instant v1At = Instant.parse(v1.get("created_at").asText());
        push(api, samples(repo, "error_rate", v1At.plusMillis(20), SPACING, 60, 1.0, 67)); // flat until +6 s
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), v1At.plusSeconds(6)).toMillis()));
        JsonNode v2 = deployCommit(repo, "bbbb444");
        Instant v2At = Instant.parse(v2.get("created_at").asText());
        push(api, samples(repo, "error_rate", v2At.plusMillis(20), SPACING, 110, 5.0, 71));

        JsonNode verdict = awaitVerdict(api, v1.get("id").asText()).get("verdict");
        JsonNode last = verdict.get("checks").get(verdict.get("checks").size() - 1);
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isNotEqualTo("degraded");
        assertThat(last.at("/superseded_by/commit_sha").asText()).isEqualTo("bbbb444");
        assertThat(Instant.parse(last.get("at").asText())).isEqualTo(v2At);
        assertThat(last.get("problems").get(0).asText()).contains("superseded at +").contains("bbbb444");
        // the watch ended at the first check after v2 went live, not at the bake's end (+10 s)
        assertThat(verdict.get("checks").size()).isLessThan(MonitorFixtures.fastScheduleChecks());
        assertThat(awaitVerdict(api, v2.get("id").asText()).at("/verdict/state").asText()).isEqualTo("degraded");
    }

    /** The next deploy's rollout already runs its code in part: the watched deploy is judged up to its start. */
    @Test
    void a_deploy_superseded_by_a_rolling_one_is_judged_up_to_where_that_rollout_began() throws InterruptedException {
        String repo = "acme/pushed-superseded-rollout";
        pushBaseline(repo);
        JsonNode v1 = deployCommit(repo, "aaaa555");
        Instant v1At = Instant.parse(v1.get("created_at").asText());
        push(api, samples(repo, "error_rate", v1At.plusMillis(20), SPACING, 30, 1.0, 73)); // flat until +3 s
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), v1At.plusSeconds(3)).toMillis()));
        JsonNode rolling = deployCommit(repo, "bbbb555", "running");
        Instant rollout = Instant.parse(rolling.get("created_at").asText());
        push(api, samples(repo, "error_rate", rollout.plusMillis(20), SPACING, 140, 5.0, 79));
        Thread.sleep(3_000);
        JsonNode v2 = deployCommit(repo, "bbbb555");
        assertThat(v2.get("agent_session_id")).isEqualTo(rolling.get("agent_session_id"));

        JsonNode verdict = awaitVerdict(api, v1.get("id").asText()).get("verdict");
        JsonNode last = verdict.get("checks").get(verdict.get("checks").size() - 1);
        assertThat(last.at("/superseded_by/commit_sha").asText()).isEqualTo("bbbb555");
        assertThat(Instant.parse(last.at("/superseded_by/at").asText())).isEqualTo(rollout);
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isNotEqualTo("degraded");
    }

    /** A re-run CI job after a failed gate: the harm is still there, so the gate must fail again, not compare it. */
    @Test
    void a_re_run_of_a_degraded_deploy_is_compared_with_the_service_before_the_commit_went_live() {
        String repo = "acme/pushed-rerun";
        pushBaseline(repo);
        JsonNode first = deployCommit(repo, "dddd444");
        Instant at = Instant.parse(first.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 400, 5.0, 19)); // 40 s of errors
        assertThat(awaitVerdict(api, first.get("id").asText()).at("/verdict/state").asText()).isEqualTo("degraded");
        awaitReport(first);

        JsonNode rerun = deployCommit(repo, "dddd444");
        assertThat(rerun.get("agent_session_id")).isNotEqualTo(first.get("agent_session_id"));
        JsonNode verdict = awaitVerdict(api, rerun.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("degraded");
        String events = api.get("/api/v1/agent-sessions/" + rerun.get("agent_session_id").asText() + "/events/")
                .body();
        assertThat(events).contains("this commit has been live since its deploy at " + at);
        assertThat(awaitReport(rerun)).as("the same commit's first deploy is no other change to suspect")
                .doesNotContain("Other deployments within the compared windows");
    }

    private JsonNode deployCommit(String repo, String sha) {
        return deployCommit(repo, sha, "success");
    }

    private JsonNode deployCommit(String repo, String sha, String status) {
        Api.Reply r = api.post("/api/v1/deployments/", Json.object().put("deployment_request", "Deploy " + sha)
                .put("repository_full_name", repo).put("status", status).put("commit_sha", sha).toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A deployment event of one CI run, which its external_url ties to the run's other events. */
    private JsonNode deployRun(String repo, String status) {
        Api.Reply r = api.post("/api/v1/deployments/", Json.object().put("deployment_request", "Deploy " + repo)
                .put("repository_full_name", repo).put("status", status)
                .put("external_url", "https://ci.example/" + repo + "/runs/7").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /**
     * A rolling deploy longer than the bake: errors rise as the new code takes traffic, and by the success they have
     * been high for as long as the bake. Judged against the window before the success, the harm is its own baseline.
     */
    @Test
    void errors_rising_from_the_rollouts_running_event_are_judged_against_the_service_before_it() throws Exception {
        String repo = "acme/pushed-rollout";
        pushBaseline(repo);
        JsonNode running = deployRun(repo, "running");
        Instant rollout = Instant.parse(running.get("created_at").asText());
        push(api, samples(repo, "error_rate", rollout.plusMillis(20), SPACING, 240, 5.0, 17));
        Thread.sleep(11_000);
        JsonNode success = deployRun(repo, "success");

        JsonNode verdict = awaitVerdict(api, success.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("degraded");
        assertThat(awaitReport(success)).contains("The rollout began at " + rollout + " (its running event), so the "
                + "baseline is the window before that and the rollout is left out.");
    }

    @Test
    void a_worker_that_lost_the_session_cannot_put_a_stale_verdict_over_the_final_one() {
        JsonNode created = deployUnchanged("acme/pushed-paused");
        String id = created.get("id").asText();
        JsonNode final_ = awaitVerdict(api, id).get("verdict");
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get("/api/v1/agent-sessions/"
                + created.get("agent_session_id").asText() + "/").json().get("status").asText().equals("active"));

        // the node that held the session at its second check wakes from a long pause and records what it had
        ObjectNode stale = Json.object().put("state", "pending");
        stale.putArray("checks").add(final_.get("checks").get(0)).add(final_.get("checks").get(1));
        Lease paused = new Lease(created.get("agent_session_id").asText(), "paused-node", 1);
        boolean stored = new DeploymentStore(server.app().database().jdbi()).setVerdict(paused, stale);

        assertThat(stored).isFalse();
        assertThat(api.get("/api/v1/deployments/" + id + "/").json().get("verdict")).isEqualTo(final_);
    }

    @Test
    void a_rise_the_metric_makes_every_twenty_seconds_is_ordinary_and_the_deploy_passes() {
        JsonNode created = deployOnWave("acme/pushed-wave", 2.0);
        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        JsonNode metric = lastCheckMetric(verdict);
        assertThat(verdict.get("state").asText()).as(metric.toString()).isEqualTo("healthy");
        assertThat(metric.get("result").asText()).isEqualTo("pass");
        assertThat(metric.get("ratio").asDouble()).isGreaterThan(1.5);
        assertThat(metric.at("/earlier_windows/as_large").asInt())
                .isGreaterThan((int) (0.05 * metric.at("/earlier_windows/pairs").asInt()));
        assertThat(awaitReport(created)).contains("ordinary:").contains("earlier windows moved as much");
    }

    @Test
    void a_rise_far_beyond_the_metrics_usual_swings_ends_the_watch_before_the_bake_time() {
        JsonNode created = deployOnWave("acme/pushed-wave-broken", 12.0);
        Instant at = Instant.parse(created.get("created_at").asText());
        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        JsonNode metric = lastCheckMetric(verdict);
        assertThat(verdict.get("state").asText()).isEqualTo("degraded");
        assertThat(metric.at("/earlier_windows/as_large").asInt()).as(metric.toString()).isZero();
        // beyond doubt at an early check (the first with samples on both sides), so the watch did not wait for the
        // 10 s bake and its last check
        assertThat(verdict.get("checks").size()).isLessThan(MonitorFixtures.fastScheduleChecks());
        assertThat(Duration.between(at, Instant.parse(verdict.get("decided_at").asText())))
                .isLessThan(Duration.ofMillis(MonitorFixtures.FAST_BAKE_MILLIS));
    }

    @Test
    void a_jump_the_service_made_at_the_same_moment_last_week_is_its_weekly_rhythm_and_the_deploy_passes()
            throws InterruptedException {
        // The square wave both weeks, and at the deploy's moment of each week a jump to 12 (a weekly batch, say): far
        // beyond anything in the eight minutes before the deploy, ordinary net of last week. Both weeks are pushed
        // before the deploy, around a planned moment, so last week's jump is in place for the first check.
        String repo = "acme/pushed-weekly";
        Instant planned = Instant.now().plusSeconds(10); // time enough to push both weeks on a busy machine
        Instant lastWeek = planned.minus(Duration.ofDays(7));
        pushWave(repo, planned, 19);
        pushWave(repo, lastWeek, 23);
        push(api, raisedBy(11, samples(repo, "error_rate", planned.plus(SPACING), SPACING, 120, 1.0, 29)));
        push(api, raisedBy(11, samples(repo, "error_rate", lastWeek.plus(SPACING), SPACING, 120, 1.0, 31)));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), planned).toMillis()));
        JsonNode created = deploy(api, repo, "success");

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        JsonNode metric = lastCheckMetric(verdict);
        assertThat(verdict.get("state").asText()).as(metric.toString()).isEqualTo("healthy");
        assertThat(metric.get("ratio").asDouble()).isGreaterThan(5);
        assertThat(metric.at("/earlier_windows/net_of_last_week").asBoolean()).isTrue();
        assertThat(awaitReport(created)).contains("earlier windows moved as much, net of last week");
    }

    /** The samples, each value raised by {@code amount}: a jump with the same noise as before it. */
    private static ArrayNode raisedBy(double amount, ArrayNode samples) {
        samples.forEach(s -> ((ObjectNode) s).put("value", s.get("value").asDouble() + amount));
        return samples;
    }

    @Test
    void a_project_with_its_own_bake_time_is_watched_for_that_long_and_no_longer() {
        String repo = "acme/quick-bake";
        MonitorFixtures.registerProject(server, repo,
                new MonitorSettings(null, null, Duration.ofSeconds(3), null, List.of()).writeInto(Json.object()));
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        // the baseline up to the deploy's own moment: with a 3 s bake, a second lost between pushing it and posting
        // the deploy (a busy machine) would leave the window before the deploy too thin to judge
        push(api, samples(repo, "error_rate", at.minusSeconds(12), SPACING, 120, 1.0, repo.hashCode()));
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 60, 1.0, 17));

        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("healthy");
        // the server's fast schedule checks at +1, 2, 4, 8 and 10 s; this project's bake ends it at +3 s
        assertThat(verdict.get("checks").size()).isEqualTo(3);
        Duration watched = Duration.between(at, Instant.parse(verdict.get("decided_at").asText()));
        assertThat(watched).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(8));
        assertThat(session(api, created).at("/context/monitor/bake_time").asText()).isEqualTo("3s");
    }

    @Test
    void a_projects_warm_up_keeps_a_cold_start_out_of_the_verdict_and_without_one_it_fails_the_deploy() {
        // The same cold start on two projects: errors five times the baseline for the first 4.5 s, then as before.
        String warmed = "acme/warm-start";
        MonitorFixtures.registerProject(server, warmed,
                new MonitorSettings(null, null, null, Duration.ofSeconds(5), List.of()).writeInto(Json.object()));
        JsonNode withWarmup = deployWithColdStart(warmed);
        JsonNode without = deployWithColdStart("acme/cold-start");

        JsonNode verdict = awaitVerdict(api, withWarmup.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).as(verdict.toString()).isEqualTo("healthy");
        // the fast schedule's checks at +1, 2 and 4 s fall in the warm-up; +8 and +10 s remain
        assertThat(verdict.get("checks").size()).isEqualTo(2);
        assertThat(session(api, withWarmup).at("/context/monitor/warmup").asText()).isEqualTo("5s");
        assertThat(awaitReport(withWarmup)).contains("the first 5s after it left out as the service's warm-up");
        assertThat(awaitVerdict(api, without.get("id").asText()).at("/verdict/state").asText()).isEqualTo("degraded");
    }

    private JsonNode deployWithColdStart(String repo) {
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 45, 5.0, 37));
        push(api, samples(repo, "error_rate", at.plusMillis(4520), SPACING, 70, 1.0, 41));
        return created;
    }

    @Test
    void a_deploy_is_judged_on_its_own_environments_samples() {
        // production's errors rise after the deploys while staging's stay flat; unlabelled samples would count for both
        String repo = "acme/two-envs";
        push(api, inEnvironment("staging", samples(repo, "error_rate", Instant.now().minusSeconds(12), SPACING, 120,
                1.0, 43)));
        push(api, inEnvironment("production", samples(repo, "error_rate", Instant.now().minusSeconds(12), SPACING, 120,
                1.0, 47)));
        JsonNode staging = deployTo(repo, "staging");
        JsonNode production = deployTo(repo, "production");
        Instant at = Instant.parse(production.get("created_at").asText());
        push(api, inEnvironment("staging", samples(repo, "error_rate", at.plusMillis(20), SPACING, 110, 1.0, 53)));
        push(api, inEnvironment("production", samples(repo, "error_rate", at.plusMillis(20), SPACING, 110, 5.0, 59)));

        assertThat(awaitVerdict(api, production.get("id").asText()).at("/verdict/state").asText())
                .isEqualTo("degraded");
        assertThat(awaitVerdict(api, staging.get("id").asText()).at("/verdict/state").asText()).isEqualTo("healthy");
        assertThat(session(api, staging).at("/context/environment").asText()).isEqualTo("staging");
        assertThat(awaitReport(production)).contains("for acme/two-envs @ bbbb222 to production: error_rate high");
    }

    private JsonNode deployTo(String repo, String environment) {
        Api.Reply r = api.post(MonitorFixtures.DEPLOY, "{\"deployment_request\":\"Deploy to " + environment
                + "\",\"repository_full_name\":\"" + repo + "\",\"status\":\"success\",\"commit_sha\":\""
                + (environment.equals("staging") ? "aaaa1111" : "bbbb2222") + "\",\"event_metadata\":"
                + "{\"environment\":\"" + environment + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static ArrayNode inEnvironment(String environment, ArrayNode samples) {
        samples.forEach(s -> ((ObjectNode) s.get("labels")).put("environment", environment));
        return samples;
    }

    @Test
    void missionctl_deploy_wait_on_a_pending_event_answers_at_once_and_a_negative_wait_is_a_usage_error() {
        Map<String, String> env = Map.of("MC_URL", server.baseUrl(), "MC_API_KEY", server.firstKey());
        StringWriter out = new StringWriter();
        long started = System.nanoTime();
        int exit = new CommandLine(new DeployCommand(env)).setOut(new PrintWriter(out, true)).execute("--repository",
                "acme/pending-wait", "--status", "pending", "--wait", "60");
        assertThat(exit).isEqualTo(4);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(out.toString()).contains("a pending event is not verified");

        StringWriter err = new StringWriter();
        assertThat(new CommandLine(new DeployCommand(env)).setErr(new PrintWriter(err, true)).execute("--repository",
                "acme/pending-wait", "--wait=-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--wait must be 0 or more seconds");
    }

    @Test
    void missionctl_deploy_wait_exits_non_zero_on_a_degraded_deploy() throws Exception {
        String repo = "acme/gated";
        pushBaseline(repo);
        Map<String, String> env = Map.of("MC_URL", server.baseUrl(), "MC_API_KEY", server.firstKey(),
                "GITHUB_REPOSITORY", repo, "GITHUB_SHA", "0123456789abcdef", "GITHUB_REF", "refs/heads/main",
                "GITHUB_RUN_ID", "4242", "GITHUB_SERVER_URL", "https://github.com");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DeployCommand(env)).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--wait", "60"));

        JsonNode created = awaitDeployment(repo);
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), Duration.ofMillis(50), 40, 5.0, 13));

        assertThat(exit.get()).as(out.toString()).isEqualTo(3);
        assertThat(out.toString()).contains("Verdict: degraded").contains("error_rate");
        assertThat(created.get("external_url").asText()).isEqualTo("https://github.com/acme/gated/actions/runs/4242");
        assertThat(created.get("commit_sha").asText()).isEqualTo("0123456789abcdef");
    }

    @Test
    void a_failed_deploy_is_investigated_and_its_verdict_is_failed() {
        String repo = "acme/broken";
        deployCommit(repo, "1111aaa"); // the last good commit
        JsonNode failed = deploy(api, repo, "failure");
        JsonNode verdict = awaitVerdict(api, failed.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("failed");
        String report = awaitReport(failed);
        assertThat(report).contains("Deployment failed").contains("Last successful deployment")
                .contains("should still run commit 1111aaa");
        var events = api.get("/api/v1/agent-sessions/" + failed.get("agent_session_id").asText() + "/events/").json();
        assertThat(events.toString()).contains("list_deployments").contains("query_metrics");
    }

    /** A parallel CI job's running event, committed after the failure's watch ended, is late news of it. */
    @Test
    void a_running_event_after_the_watch_ended_joins_its_session_with_its_verdict() {
        String repo = "acme/late-running";
        JsonNode failed = deployRun(repo, "failure");
        assertThat(awaitVerdict(api, failed.get("id").asText()).at("/verdict/state").asText()).isEqualTo("failed");
        String session = failed.get("agent_session_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !"active".equals(api.get("/api/v1/agent-sessions/"
                + session + "/").json().get("status").asText()));

        JsonNode running = deployRun(repo, "running");

        assertThat(running.get("agent_session_id").asText()).isEqualTo(session);
        assertThat(api.get("/api/v1/deployments/" + running.get("id").asText() + "/").json()
                .at("/verdict/state").asText()).isEqualTo("failed");
        assertThat(api.get("/api/v1/agent-sessions/" + session + "/").json().get("status").asText())
                .isNotEqualTo("active");
    }

    @Test
    void pending_then_success_is_one_session_that_verifies_and_cancelled_closes_without_a_verdict() {
        String body = "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/staged\",\"status\":\"%s\","
                + "\"external_url\":\"https://ci.example.com/run/%s\"}";
        JsonNode pending = api.post(MonitorFixtures.DEPLOY, body.formatted("pending", "1")).json();
        JsonNode success = api.post(MonitorFixtures.DEPLOY, body.formatted("success", "1")).json();
        assertThat(success.get("agent_session_id")).isEqualTo(pending.get("agent_session_id"));
        JsonNode verdict = awaitVerdict(api, success.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("inconclusive");
        assertThat(verdict.get("checks").size()).isEqualTo(5);
        assertThat(verdict.at("/checks/4/problems").toString()).as("CI reads why from the verdict")
                .contains(Check.NO_PROMETHEUS);
        assertThat(awaitReport(success)).contains("No metric was available").doesNotContain("Source: each metric");

        JsonNode cancelled = api.post(MonitorFixtures.DEPLOY, body.formatted("cancelled", "2")).json();
        assertThat(awaitVerdict(api, cancelled.get("id").asText()).at("/verdict/state").asText())
                .isEqualTo("inconclusive");
        assertThat(awaitReport(cancelled)).contains("cancelled");
    }

    @Test
    void one_ci_run_deploying_to_staging_then_production_gets_a_session_for_each() {
        String body = "{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/two-envs\","
                + "\"status\":\"%s\",\"external_url\":\"https://ci.example.com/run/42\","
                + "\"event_metadata\":{\"environment\":\"%s\"}}";
        JsonNode staging = api.post(MonitorFixtures.DEPLOY, body.formatted("pending", "staging")).json();
        JsonNode production = api.post(MonitorFixtures.DEPLOY, body.formatted("pending", "production")).json();
        JsonNode stagingDone = api.post(MonitorFixtures.DEPLOY, body.formatted("cancelled", "staging")).json();

        assertThat(production.get("agent_session_id")).isNotEqualTo(staging.get("agent_session_id"));
        assertThat(stagingDone.get("agent_session_id")).isEqualTo(staging.get("agent_session_id"));
        assertThat(session(api, production).at("/context/environment").asText()).isEqualTo("production");
    }

    @Test
    void a_monitor_cancelled_by_a_person_leaves_its_deploy_inconclusive_at_once() throws InterruptedException {
        String repo = "acme/pushed-cancelled";
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success");
        Api.Reply cancelled = api.post("/api/v1/agent-sessions/" + created.get("agent_session_id").asText()
                + "/cancel/", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        // the session will never record a verdict, so the wait must not run out its 60 s and answer pending
        JsonNode verdict = awaitVerdict(api, created.get("id").asText()).get("verdict");
        assertThat(verdict.get("state").asText()).isEqualTo("inconclusive");
        assertThat(verdict.path("session_ended").asText()).as("CI is told it was stopped, not short of data")
                .isEqualTo("cancelled");
        assertThat(Inconclusive.explain(verdict, "")).hasValueSatisfying(why -> assertThat(why)
                .startsWith("The monitor session was cancelled before the bake time ended").doesNotContain("Prometheus"));
        assertThat(Instant.parse(verdict.get("decided_at").asText()))
                .isAfterOrEqualTo(Instant.parse(created.get("created_at").asText()));
        JsonNode listed = api.get(MonitorFixtures.DEPLOY + "?repository=" + repo).json().get("results").get(0);
        assertThat(listed.at("/verdict/state").asText()).isEqualTo("inconclusive");

        // a question reopens the session to be answered; the watch someone stopped does not start again
        String events = "/api/v1/agent-sessions/" + created.get("agent_session_id").asText() + "/events/";
        long checksBefore = eventsOfType(events, "check");
        api.post("/api/v1/agent-sessions/" + created.get("agent_session_id").asText() + "/messages/",
                "{\"content\":\"status?\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> !session(api, created).get("status").asText()
                .equals("active") && eventsOfType(events, "message") >= 2);
        Thread.sleep(MonitorFixtures.FAST_BAKE_MILLIS); // time for every check the schedule had left
        assertThat(eventsOfType(events, "check")).isEqualTo(checksBefore);
        assertThat(awaitVerdict(api, created.get("id").asText()).at("/verdict/state").asText())
                .isEqualTo("inconclusive");
        assertThat(lastAnswer(events)).contains("The watch was cancelled by first key").doesNotContain("pending");
        // decided when cancelled, not when the question was answered
        assertThat(awaitVerdict(api, created.get("id").asText()).at("/verdict/decided_at"))
                .isEqualTo(verdict.get("decided_at"));
    }

    /** A question reopens the session; meanwhile and after, the deploy's verdict stays as it was decided. */
    @Test
    void a_question_after_the_watch_ended_changes_neither_its_verdict_nor_when_it_was_decided() {
        JsonNode created = deployUnchanged("acme/pushed-asked-after");
        JsonNode decided = awaitVerdict(api, created.get("id").asText()).get("verdict");
        String sessionPath = "/api/v1/agent-sessions/" + created.get("agent_session_id").asText() + "/";
        await().atMost(Duration.ofSeconds(10)).until(() -> !"active".equals(session(api, created).get("status")
                .asText()));

        api.post(sessionPath + "messages/", "{\"content\":\"status?\"}");
        assertThat(api.get(MonitorFixtures.DEPLOY + created.get("id").asText() + "/").json().get("verdict"))
                .isEqualTo(decided);
        await().atMost(Duration.ofSeconds(20)).until(() -> !"active".equals(session(api, created).get("status")
                .asText()) && eventsOfType(sessionPath + "events/", "message") >= 2);

        assertThat(lastAnswer(sessionPath + "events/")).contains("The watch has ended").contains("**healthy");
        assertThat(api.get(MonitorFixtures.DEPLOY + created.get("id").asText() + "/").json().get("verdict"))
                .isEqualTo(decided);
    }

    private String lastAnswer(String eventsPath) {
        String last = null;
        for (JsonNode e : api.get(eventsPath).json().get("results")) {
            last = e.get("type").asText().equals("message") ? e.get("text").asText() : last;
        }
        return last;
    }

    private long eventsOfType(String eventsPath, String type) {
        long n = 0;
        for (JsonNode e : api.get(eventsPath).json().get("results")) {
            n += e.get("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    /**
     * Eight minutes of error_rate every 100 ms before now, a square wave: 10 s around 1.0, 10 s around 4.0, the
     * last 10 s at 1.0. Time enough for the 48 earlier windows of the last check (10 s each).
     */
    private void pushWave(String repo, Instant now, long seed) {
        int count = 4800;
        var wave = samples(repo, "error_rate", now.minus(SPACING.multipliedBy(count)), SPACING, count, 1.0, seed);
        push(api, MonitorFixtures.multiplyWhere(wave, t -> {
            double secondsBefore = Duration.between(t, now).toMillis() / 1000.0;
            return ((int) Math.ceil(secondsBefore / 10)) % 2 == 0;
        }, 4));
    }

    /** A deploy after {@link #pushWave} up to now, error_rate around {@code level} for the 11 s after it. */
    private JsonNode deployOnWave(String repo, double level) {
        pushWave(repo, Instant.now(), 19);
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 110, level, repo.hashCode()));
        return created;
    }

    private static JsonNode lastCheckMetric(JsonNode verdict) {
        JsonNode checks = verdict.get("checks");
        return checks.get(checks.size() - 1).get("metrics").get(0);
    }

    /** 12 s of error_rate around 1.0 before now, every 100 ms. */
    /** A successful deploy of {@code repo} after which the metric goes on exactly as before it. */
    private JsonNode deployUnchanged(String repo) {
        pushBaseline(repo);
        JsonNode created = deploy(api, repo, "success");
        Instant at = Instant.parse(created.get("created_at").asText());
        push(api, samples(repo, "error_rate", at.plusMillis(20), SPACING, 110, 1.0, 11));
        return created;
    }

    private void pushBaseline(String repo) {
        push(api, samples(repo, "error_rate", Instant.now().minusSeconds(12), SPACING, 120, 1.0, repo.hashCode()));
    }

    private JsonNode awaitDeployment(String repo) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            // the results, not the count: the two are read one after the other, so a deployment recorded in
            // between is counted but not yet listed
            JsonNode results = api.get(MonitorFixtures.DEPLOY + "?repository=" + repo).json().get("results");
            if (!results.isEmpty()) {
                return results.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("missionctl deploy posted nothing");
    }

    /**
     * The report once the session has completed. The report is committed a step before the completion (the brain
     * decides again when an event landed in between), so a busy server can be read between the two.
     */
    private String awaitReport(JsonNode created) {
        JsonNode s = null;
        for (int i = 0; i < 50; i++) {
            s = session(api, created);
            if (s.hasNonNull("report") && !s.get("report").asText().isEmpty()
                    && s.get("status").asText().equals("completed")) {
                return s.get("report").asText();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no report on a completed session: " + s);
    }
}
