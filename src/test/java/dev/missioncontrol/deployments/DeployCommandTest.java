package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.StubHttpServer;
import dev.missioncontrol.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** missionctl deploy against answers a Mission Control server never gives but the network in between may. */
class DeployCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run deploy(String url, Map<String, String> ci, String... args) {
        Map<String, String> env = new HashMap<>(ci);
        env.put("MC_URL", url);
        env.putIfAbsent("MC_API_KEY", "mc_test");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new DeployCommand(env)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A pipeline author writes the gate from --help: every exit code the command returns is listed there. */
    @Test
    void help_lists_every_exit_code_the_gate_can_return() {
        StringWriter out = new StringWriter();
        new CommandLine(new DeployCommand(Map.of())).setOut(new PrintWriter(out, true)).execute("--help");
        for (int code : new int[] {0, DeployCommand.ERROR, 2, DeployCommand.BAD, DeployCommand.UNKNOWN}) {
            assertThat(out.toString()).as("exit " + code).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
        }
    }

    @Test
    void a_redirect_is_a_failure_that_says_where_it_points_not_a_recorded_deployment() {
        try (StubHttpServer lb = new StubHttpServer(x -> StubHttpServer.reply(x, 301, "",
                "Location", "https://mc.example.com/api/v1/deployments/"))) {
            for (String[] args : new String[][] {{"--repository", "acme/api"}, {"--repository", "acme/api", "--wait"}}) {
                Run run = deploy(lb.baseUrl(), Map.of(), args);
                assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
                assertThat(run.out()).doesNotContain("recorded");
                assertThat(run.err()).contains("301").contains("https://mc.example.com/")
                        .contains("point MC_URL at the final address");
            }
        }
    }

    @Test
    void one_ci_run_deploying_two_environments_or_repositories_posts_distinct_events_and_a_retry_posts_none()
            throws Exception {
        Map<String, String> ci = Map.of("GITHUB_REPOSITORY", "acme/api", "GITHUB_SHA", "0123456789abcdef",
                "GITHUB_RUN_ID", "77", "GITHUB_RUN_ATTEMPT", "1", "GITHUB_SERVER_URL", "https://github.com");
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Map<String, String> env = new HashMap<>(ci);
            env.put("MC_API_KEY", server.firstKey());
            String staging = recordedId(deploy(server.baseUrl(), env, "--environment", "staging"));
            String production = recordedId(deploy(server.baseUrl(), env, "--environment", "production"));
            String worker = recordedId(deploy(server.baseUrl(), env, "--environment", "production",
                    "--repository", "acme/worker"));
            String retried = recordedId(deploy(server.baseUrl(), env, "--environment", "staging"));
            assertThat(List.of(staging, production, worker)).doesNotHaveDuplicates();
            assertThat(retried).isEqualTo(staging);
        }
    }

    /** {@code -m "$(git log -1 --format=%B)"} of a long commit message must not fail the deploy's record and gate. */
    @Test
    void a_message_past_the_apis_limit_is_cut_rather_than_failing_the_post() {
        String body = "Ship the checkout rewrite\n\n" + "Details of the change, line after line. ".repeat(80);
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Map<String, String> env = Map.of("MC_API_KEY", server.firstKey());
            String id = recordedId(deploy(server.baseUrl(), env, "--repository", "acme/api", "-m", body + "🚀"));
            String stored = server.api().get("/api/v1/deployments/" + id + "/").json().get("deployment_request")
                    .asText();
            assertThat(stored.codePointCount(0, stored.length())).isEqualTo(2_000);
            assertThat(stored).startsWith("Ship the checkout rewrite\n").endsWith("…");

            // 1,999 emoji and the ellipsis are 3,999 UTF-16 chars: the API counts characters as the CLI cuts them
            String emoji = recordedId(deploy(server.baseUrl(), env, "--repository", "acme/api", "-m",
                    "🚀".repeat(2_500)));
            String cut = server.api().get("/api/v1/deployments/" + emoji + "/").json().get("deployment_request")
                    .asText();
            assertThat(cut.codePointCount(0, cut.length())).isEqualTo(2_000);
        }
    }

    /** A pipeline reads exit 1 as "Mission Control is down, carry on": a typo must not look like that. */
    @Test
    void an_unknown_status_is_a_usage_error_naming_the_valid_ones_before_any_request() {
        AtomicInteger requests = new AtomicInteger();
        try (StubHttpServer server = new StubHttpServer(x -> {
            requests.incrementAndGet();
            StubHttpServer.reply(x, 422, "{}");
        })) {
            Run run = deploy(server.baseUrl(), Map.of(), "--repository", "acme/api", "--status", "succeeded");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--status must be one of pending, running, success, failure, cancelled")
                    .contains("succeeded");
            assertThat(requests).hasValue(0);
        }
    }

    /** A retried CI step posts its event again: the log must not claim a second deployment was recorded. */
    @Test
    void a_retried_ci_step_says_its_deployment_was_already_recorded_not_recorded_again() {
        Map<String, String> env = new HashMap<>(Map.of("GITLAB_CI", "true", "CI_PROJECT_PATH", "acme/api",
                "CI_COMMIT_SHA", "0123456789abcdef", "CI_JOB_ID", "901"));
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            env.put("MC_API_KEY", server.firstKey());
            Run first = deploy(server.baseUrl(), env);
            Run again = deploy(server.baseUrl(), env);
            assertThat(recordedId(again)).isEqualTo(recordedId(first));
            assertThat(first.out()).contains(" recorded; watch it at ").doesNotContain("already");
            assertThat(again.out()).contains("was already recorded by an earlier post of this CI run")
                    .doesNotContain(recordedId(first) + " recorded");
        }
    }

    private static String recordedId(Run run) {
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        return run.out().split("\\s+")[1];
    }

    @Test
    void wait_rides_out_a_server_restart_while_polling_and_still_gates_on_the_verdict() {
        AtomicInteger polls = new AtomicInteger();
        try (StubHttpServer flaky = new StubHttpServer(x -> {
            if (x.getRequestMethod().equals("POST")) {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
                return;
            }
            switch (polls.incrementAndGet()) {
                case 1 -> StubHttpServer.reply(x, 503, "<html>restarting</html>");
                case 2, 3 -> throw new java.io.IOException("connection dropped mid-restart");
                default -> StubHttpServer.reply(x, 200, "{\"id\":\"d1\",\"verdict\":{\"state\":\"degraded\"}}");
            }
        })) {
            Run run = deploy(flaky.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "60");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("Verdict: degraded");
            assertThat(run.err()).contains("trying again");
        }
    }

    /** nginx and AWS's load balancers cut a request silent for 60 s, Heroku and Google's for 30 s, with a 504. */
    @Test
    void a_long_wait_polls_within_a_proxys_read_timeout_instead_of_being_cut_by_it() {
        List<String> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubHttpServer proxy = new StubHttpServer(x -> {
            if (x.getRequestMethod().equals("POST")) {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
                return;
            }
            String wait = x.getRequestURI().getQuery().replaceFirst(".*wait=(\\d+).*", "$1");
            waits.add(wait);
            if (Integer.parseInt(wait) > 30) {
                StubHttpServer.reply(x, 504, "<html><center><h1>504 Gateway Time-out</h1></center></html>");
            } else {
                StubHttpServer.reply(x, 200, waits.size() < 2 ? "{\"id\":\"d1\",\"verdict\":{\"state\":"
                        + "\"pending\"}}" : "{\"id\":\"d1\",\"verdict\":{\"state\":\"healthy\"}}");
            }
        })) {
            Run run = deploy(proxy.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "40");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.err()).doesNotContain("504");
            assertThat(waits).hasSize(2);
        }
    }

    /**
     * A 503 from a restarting server, or a 409 for a first try that outlived the client's timeout and is still being
     * recorded: the event is posted again under the same key (after the Retry-After given), so it is recorded once.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "503 | <html>restarting</html> |   | trying again in 1 s",
        "409 | {\"status\":409,\"detail\":\"a request with this Idempotency-Key is still being processed\"} | 1"
                + " | still being processed; trying again in 1 s"})
    void a_post_answered_5xx_or_in_flight_409_is_tried_again_with_the_same_idempotency_key(int status, String body,
            String retryAfter, String said) {
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubHttpServer restarting = new StubHttpServer(x -> {
            keys.add(x.getRequestHeaders().getFirst("Idempotency-Key"));
            if (keys.size() == 1) {
                StubHttpServer.reply(x, status, body, retryAfter == null ? new String[0]
                        : new String[] {"Retry-After", retryAfter});
            } else {
                // the first try may have been recorded before its answer was lost: this answer replays it
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}",
                        "Idempotent-Replayed", "true");
            }
        })) {
            Run run = deploy(restarting.baseUrl(), Map.of(), "--repository", "acme/api");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Deployment d1 recorded");
            assertThat(run.err()).contains(said);
            assertThat(keys).hasSize(2).doesNotContainNull();
            assertThat(keys.get(1)).isEqualTo(keys.get(0));
        }
    }

    /** A server still recording a first try that outlived the client's timeout says so until it is done. */
    @Test
    void a_post_still_in_flight_is_waited_for_past_three_tries_and_recorded_once() {
        List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubHttpServer busy = new StubHttpServer(x -> {
            keys.add(x.getRequestHeaders().getFirst("Idempotency-Key"));
            if (keys.size() <= 4) {
                StubHttpServer.reply(x, 409, "{\"status\":409,\"detail\":\"a request with this Idempotency-Key is "
                        + "still being processed; retry in 1 s\"}", "Retry-After", "1");
            } else {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
            }
        })) {
            Run run = deploy(busy.baseUrl(), Map.of(), "--repository", "acme/api");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(keys).hasSize(5).containsOnly(keys.get(0));
        }
    }

    /** Many pipelines share one key: a deploy refused by the rate limit waits the Retry-After instead of failing. */
    @Test
    void a_post_refused_by_the_rate_limit_waits_its_retry_after_and_is_recorded_once() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE, c -> c.withLimits(new AppConfig.Limits(
                c.limits().maxBody(), c.limits().maxSessionBody(), 60, 1)))) {
            Map<String, String> env = Map.of("MC_API_KEY", server.firstKey());
            recordedId(deploy(server.baseUrl(), env, "--repository", "acme/api"));
            Run limited = deploy(server.baseUrl(), env, "--repository", "acme/worker");
            String id = recordedId(limited);
            assertThat(limited.err()).contains("HTTP 429").contains("trying again in ");
            assertThat(server.api().get("/api/v1/deployments/?repository=acme/worker").json().path("results")
                    .findValuesAsText("id")).containsExactly(id);
        }
    }

    @Test
    void a_verdict_poll_refused_by_the_rate_limit_is_polled_again_and_still_gates() {
        AtomicInteger polls = new AtomicInteger();
        try (StubHttpServer limited = new StubHttpServer(x -> {
            if (x.getRequestMethod().equals("POST")) {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
            } else if (polls.incrementAndGet() == 1) {
                StubHttpServer.reply(x, 429, "{\"status\":429,\"detail\":\"rate limit of 6000 reads per minute "
                        + "exceeded; retry after 1 s\"}", "Retry-After", "1");
            } else {
                StubHttpServer.reply(x, 200, "{\"id\":\"d1\",\"verdict\":{\"state\":\"degraded\"}}");
            }
        })) {
            Run run = deploy(limited.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "60");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("Verdict: degraded");
            assertThat(polls).hasValue(2);
        }
    }

    /** The pipeline stopped waiting; the watch did not stop. The output says so rather than "Verdict: pending". */
    @Test
    void a_wait_that_runs_out_says_it_ran_out_and_exits_4() {
        try (StubHttpServer slow = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 200,
                "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\",\"verdict\":{\"state\":\"pending\"}}"))) {
            Run run = deploy(slow.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "0");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
            assertThat(run.out()).contains("none yet after waiting 0 s").doesNotContain("Verdict: pending");
        }
    }

    /** A proxy answering 502 for the whole wait: the gate learnt nothing, and "none yet", exit 4, would let it pass. */
    @Test
    void a_verdict_never_read_in_the_whole_wait_is_a_failure_that_says_why() {
        try (StubHttpServer proxy = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 502, x.getRequestMethod().equals("POST")
                        ? "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}" : "<html>502 Bad Gateway</html>"))) {
            Run run = deploy(proxy.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "2");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).contains("cannot read the verdict: no answer in the 2 s waited, the last was "
                    + "HTTP 502: <html>502 Bad Gateway</html>");
            assertThat(run.out()).contains("Deployment d1 recorded").doesNotContain("none yet");
        }
    }

    /** A server stopping answers a held poll "pending", then nothing: the gate learnt nothing more, and fails. */
    @Test
    void a_server_that_answered_pending_then_stopped_answering_is_a_failure_that_says_why() {
        AtomicInteger polls = new AtomicInteger();
        try (StubHttpServer stopping = new StubHttpServer(x -> {
            if (x.getRequestMethod().equals("POST")) {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
            } else if (polls.incrementAndGet() == 1) {
                StubHttpServer.reply(x, 200, "{\"id\":\"d1\",\"verdict\":{\"state\":\"pending\"}}");
            } else {
                StubHttpServer.reply(x, 503, "{\"status\":503,\"detail\":\"the server is stopping\"}");
            }
        })) {
            Run run = deploy(stopping.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "2");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).contains("cannot read the verdict: the server last answered (still pending) 0 s "
                    + "into the 2 s waited, then HTTP 503");
            assertThat(run.out()).doesNotContain("none yet");
        }
    }

    /** A key that may post but not read: the gate fails with the reason, not a "none yet" that pipelines let pass. */
    @Test
    void a_verdict_the_key_may_not_read_is_a_failure_that_says_why() {
        try (StubHttpServer writeOnly = new StubHttpServer(x -> {
            if (x.getRequestMethod().equals("POST")) {
                StubHttpServer.reply(x, 201, "{\"id\":\"d1\",\"agent_session_url\":\"/agents/s1\"}");
            } else {
                StubHttpServer.reply(x, 403, "{\"type\":\"https://missioncontrol.dev/problems/forbidden\","
                        + "\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"this API key lacks the scope deployments:read\"}",
                        "Content-Type", "application/problem+json");
            }
        })) {
            Run run = deploy(writeOnly.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "300");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).contains("cannot read the verdict").contains("deployments:read");
            assertThat(run.out()).doesNotContain("none yet");
        }
    }

    @Test
    void a_cancelled_deploy_says_it_was_cancelled_beside_its_inconclusive_verdict() {
        try (StubHttpServer cancelled = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 200, "{\"id\":\"d1\",\"status\":\"cancelled\","
                        + "\"agent_session_url\":\"/agents/s1\",\"verdict\":{\"state\":\"inconclusive\","
                        + "\"checks\":[],\"decided_at\":\"2026-11-29T12:00:00Z\"}}"))) {
            Run run = deploy(cancelled.baseUrl(), Map.of(), "--repository", "acme/api", "--status", "cancelled",
                    "--wait", "30");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
            assertThat(run.out()).contains("Verdict: inconclusive: the deploy was cancelled, so nothing was verified");
        }
    }

    @Test
    void a_failed_deploy_says_it_failed_itself_rather_than_a_bare_failed() {
        try (StubHttpServer failed = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 200, "{\"id\":\"d1\",\"status\":\"failure\","
                        + "\"agent_session_url\":\"/agents/s1\",\"verdict\":{\"state\":\"failed\",\"score\":null,"
                        + "\"checks\":[],\"decided_at\":\"2026-11-29T12:00:00Z\"}}"))) {
            Run run = deploy(failed.baseUrl(), Map.of(), "--repository", "acme/api", "--status", "failure",
                    "--wait", "30");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
            assertThat(run.out()).contains("Verdict: failed: the deploy itself failed (its event says status "
                    + "failure), so no metric was judged");
        }
    }

    @Test
    void an_inconclusive_verdict_prints_why_its_last_check_could_not_judge() {
        try (StubHttpServer failing = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 200, "{\"id\":\"d1\",\"status\":\"success\","
                        + "\"agent_session_url\":\"/agents/s1\",\"verdict\":{\"state\":\"inconclusive\","
                        + "\"checks\":[{\"at\":\"2026-11-29T12:00:00Z\",\"metrics\":[],\"problems\":["
                        + "\"error_rate not checked: Prometheus http://prom:9090 answered 502\"]}],"
                        + "\"decided_at\":\"2026-11-29T12:00:00Z\"}}"))) {
            Run run = deploy(failing.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "30");
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(4);
            assertThat(run.out()).contains("Verdict: inconclusive: error_rate not checked: Prometheus "
                    + "http://prom:9090 answered 502");
        }
    }

    /** A rate that rose passes, so its "high" must not read as the verdict's reason; what was not read is listed. */
    @Test
    void failing_rows_are_marked_and_what_was_not_checked_is_listed_whatever_the_verdict() {
        String verdict = "{\"state\":\"healthy\",\"score\":100.0,\"checks\":[{\"at\":\"2026-11-29T12:00:00Z\","
                + "\"metrics\":[" + metric("requests_per_second", 100, 130, "high", "decrease", false) + ","
                + metric("error_rate", 0.01, 0.01, "pass", "increase", false) + ","
                + "{\"name\":\"queue_depth\",\"baseline\":3,\"current\":null,\"ratio\":null,\"p_value\":null,"
                + "\"result\":\"nodata\",\"reason\":\"2 samples after the deploy\"}],"
                + "\"problems\":[\"latency_p95_seconds not checked: the query returns 5 series; aggregate it to one\"]}],"
                + "\"decided_at\":\"2026-11-29T12:00:00Z\"}";
        Run run = waitFor(verdict);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(line(run, "requests_per_second")).contains("high, not failing (only a fall is bad)")
                .doesNotContain("FAILING");
        assertThat(run.out()).contains("Not checked (the verdict does not cover these):\n"
                + "  - queue_depth: no result, 2 samples after the deploy\n"
                + "  - latency_p95_seconds not checked: the query returns 5 series; aggregate it to one");
    }

    @Test
    void a_failing_metric_is_marked_failing_in_its_row() {
        String verdict = "{\"state\":\"degraded\",\"score\":50.0,\"checks\":[{\"at\":\"2026-11-29T12:00:00Z\","
                + "\"metrics\":[" + metric("error_rate", 0.01, 0.05, "high", "increase", true) + ","
                + metric("requests_per_second", 100, 100, "pass", "decrease", false) + "]}],"
                + "\"decided_at\":\"2026-11-29T12:00:00Z\"}";
        Run run = waitFor(verdict);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(line(run, "error_rate")).endsWith("FAILING (high)");
        assertThat(run.out()).doesNotContain("Not checked");
    }

    /** Score = passes / judged, so one regression among twenty stable gauges is healthy (95): it must still show. */
    @Test
    void a_failing_metric_outvoted_into_a_healthy_verdict_is_named_beside_it() {
        StringBuilder metrics = new StringBuilder(metric("latency_p95_seconds", 0.2498, 0.4668, "high", "increase",
                true));
        for (int i = 0; i < 19; i++) {
            metrics.append(',').append(metric("gauge_" + i, 5, 5, "pass", "either", false));
        }
        Run run = waitFor("{\"state\":\"healthy\",\"score\":95.0,\"checks\":[{\"at\":\"2026-11-29T12:00:00Z\","
                + "\"metrics\":[" + metrics + "]}],\"decided_at\":\"2026-11-29T12:00:00Z\"}");
        assertThat(run.exit()).as("the verdict rules stay: healthy passes the gate").isZero();
        assertThat(run.out()).contains("Verdict: healthy (score 95.0), but 1 of 20 metrics failed: "
                + "latency_p95_seconds 0.2498 → 0.4668 (1.87×)\n");
    }

    @Test
    void other_deployments_within_the_compared_windows_are_named_before_anyone_rolls_back() {
        Run run = waitFor("{\"state\":\"degraded\",\"score\":0.0,\"checks\":[{\"at\":\"2026-11-29T12:30:00Z\","
                + "\"metrics\":[" + metric("latency_p95_seconds", 0.2505, 0.354, "high", "increase", true) + "]}],"
                + "\"decided_at\":\"2026-11-29T12:30:00Z\",\"other_deployments\":[{\"id\":\"d0\","
                + "\"commit_sha\":\"bbbbbbb\",\"status\":\"success\",\"created_at\":\"2026-11-29T11:59:30Z\"}]}");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("Other deployments landed within the compared windows, so their changes count "
                + "here too; check whether a move is theirs before rolling this one back:\n"
                + "  - d0, commit bbbbbbb, success, at 2026-11-29T11:59:30Z");
    }

    static String metric(String name, double baseline, double current, String result, String direction,
            boolean failing) {
        return "{\"name\":\"" + name + "\",\"baseline\":" + baseline + ",\"current\":" + current + ",\"ratio\":"
                + current / baseline + ",\"p_value\":" + (result.equals("pass") ? 0.5 : 0.0001) + ",\"result\":\""
                + result + "\",\"direction\":\"" + direction + "\",\"failing\":" + failing + "}";
    }

    /** deploy --wait against a server that records the event and answers with this final verdict. */
    static Run waitFor(String verdict) {
        try (StubHttpServer server = new StubHttpServer(x -> StubHttpServer.reply(x,
                x.getRequestMethod().equals("POST") ? 201 : 200, "{\"id\":\"d1\",\"status\":\"success\","
                        + "\"agent_session_url\":\"/agents/s1\",\"verdict\":" + verdict + "}"))) {
            return deploy(server.baseUrl(), Map.of(), "--repository", "acme/api", "--wait", "30");
        }
    }

    private static String line(Run run, String metric) {
        return run.out().lines().filter(l -> l.strip().startsWith(metric + " ")).findFirst().orElseThrow();
    }

    @Test
    void a_success_without_the_deployment_id_is_a_failure() {
        try (StubHttpServer odd = new StubHttpServer(x -> StubHttpServer.reply(x, 200, "{}"))) {
            Run run = deploy(odd.baseUrl(), Map.of(), "--repository", "acme/api");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("no id");
        }
    }

    @Test
    void the_default_message_adds_the_environment_and_run_to_the_title_instead_of_repeating_it() {
        Map<String, String> env = Map.of("GITHUB_REPOSITORY", "acme/web", "GITHUB_SHA", "0123456789abcdef",
                "GITHUB_RUN_ID", "9", "GITHUB_SERVER_URL", "https://github.com");
        DeployCommand command = new DeployCommand(env);
        new CommandLine(command).parseArgs("--environment", "production");
        String message = command.event(CiEnvironment.detect(env)).path("deployment_request").asText();
        assertThat(message).doesNotContain("acme/web @").doesNotContain("0123456 ")
                .startsWith("to production from ").endsWith("https://github.com/acme/web/actions/runs/9");
    }

    @Test
    void a_gitlab_run_sends_its_commit_message_and_branch_as_a_full_ref() {
        Map<String, String> env = Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_SHA", "0123456789abcdef",
                "CI_COMMIT_REF_NAME", "main", "CI_COMMIT_BRANCH", "main", "CI_COMMIT_TITLE", "Fix login");
        DeployCommand command = new DeployCommand(env);
        new CommandLine(command).parseArgs();
        var event = command.event(CiEnvironment.detect(env));
        assertThat(event.path("commit_message").asText()).isEqualTo("Fix login");
        assertThat(event.path("ref").asText()).isEqualTo("refs/heads/main");
    }
}
