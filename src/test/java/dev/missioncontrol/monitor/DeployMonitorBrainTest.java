package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deploy monitor decides from its timeline alone; these timelines are written by hand. */
class DeployMonitorBrainTest {
    private static final Instant DEPLOYED = Instant.parse("2026-01-15T10:30:00Z");
    private final MonitorSchedule schedule = new MonitorSchedule(List.of(Duration.ofSeconds(10)), Duration.ofSeconds(30));
    private final DeployMonitorBrain brain = new DeployMonitorBrain(schedule,
            Set.of("get_deployment", "list_deployments", "query_metrics", "compare_windows"));
    private final List<Entry> timeline = new ArrayList<>();
    private ObjectNode context = Json.object();

    @Test
    void reads_the_deployment_first_and_waits_while_it_is_pending() {
        assertThat(next(DEPLOYED)).isInstanceOf(Step.CallTool.class)
                .extracting(s -> ((Step.CallTool) s).tool()).isEqualTo("get_deployment");
        deployment("pending");
        Step.Wait wait = (Step.Wait) next(DEPLOYED.plusSeconds(1));
        assertThat(wait.until()).isEqualTo(DEPLOYED.plus(DeployMonitorBrain.GIVE_UP_AFTER));
        add("status", "Deployment is now success", Json.object().put("deployment_status", "success"));
        assertThat(((Step.CallTool) next(DEPLOYED.plusSeconds(2))).tool()).isEqualTo("get_deployment");
    }

    @Test
    void a_status_that_lands_while_the_deployment_is_being_read_makes_it_read_again_instead_of_sleeping() {
        add("tool_call", "Calling get_deployment", Json.object().put("tool", "get_deployment"));
        add("status", "Deployment is now success", Json.object().put("deployment_status", "success"));
        deployment("pending"); // the tool read the row before the success event committed
        assertThat(((Step.CallTool) next(DEPLOYED.plusSeconds(1))).tool()).isEqualTo("get_deployment");
        add("tool_call", "Calling get_deployment", Json.object().put("tool", "get_deployment"));
        deployment("success");
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).reason()).contains("check 1");
    }

    @Test
    void a_late_running_event_after_the_success_keeps_the_watch_and_a_late_failure_is_read() {
        deployment("success");
        add("status", "Deployment is now running", Json.object().put("deployment_status", "running"));
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).reason()).contains("check 1");
        add("status", "Deployment is now failure", Json.object().put("deployment_status", "failure"));
        assertThat(((Step.CallTool) next(DEPLOYED.plusSeconds(2))).tool()).isEqualTo("get_deployment");
    }

    /** CI cancelling a job after its deploy step: the rollout runs, and its watch must go on to a verdict. */
    @Test
    void a_cancel_after_the_success_keeps_the_watch() {
        deployment("success");
        add("status", "Deployment is now cancelled", Json.object().put("deployment_status", "cancelled"));
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).reason()).contains("check 1");
        assertThat(DeployStatus.replaces("cancelled", "pending")).isTrue();
        assertThat(DeployStatus.replaces("success", "cancelled")).isTrue();
        assertThat(DeployStatus.replaces("cancelled", "failure")).isFalse();
    }

    @Test
    void a_second_success_event_keeps_the_watch_on_the_first_ones_schedule() {
        deployment("success");
        add("status", "Deployment is now success", Json.object().put("deployment_status", "success"));
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(5))).until()).isEqualTo(DEPLOYED.plusSeconds(10));
    }

    @Test
    void a_repeat_of_a_commit_already_live_takes_its_baseline_from_before_the_first_deploy() {
        Instant first = DEPLOYED.minus(Duration.ofMinutes(40));
        ObjectNode d = Json.object().put("status", "success").put("created_at", DEPLOYED.toString())
                .put("repository_full_name", "acme/web").put("commit_sha", "abcdef1");
        d.putObject("live_since").put("id", "d-first").put("created_at", first.toString());
        result("get_deployment", d);

        Step.CallTool call = (Step.CallTool) next(DEPLOYED.plusSeconds(10));
        assertThat(call.args().get("deployed_at").asText()).isEqualTo(first.toString());
        assertThat(call.args().get("warmup_seconds").asDouble()).isEqualTo(40 * 60.0);
        assertThat(call.args().get("at").asText()).isEqualTo(DEPLOYED.plusSeconds(10).toString());
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.02);
        assertThat(((Step.Note) next(DEPLOYED.plusSeconds(10))).text())
                .contains("this commit has been live since its deploy at " + first);
    }

    @Test
    void a_rollout_that_ran_before_its_success_is_left_out_and_the_baseline_ends_where_it_began() {
        Instant running = DEPLOYED.minus(Duration.ofMinutes(7));
        result("get_deployment", Json.object().put("status", "success").put("created_at", DEPLOYED.toString())
                .put("repository_full_name", "acme/web").put("rollout_started_at", running.toString()));

        Step.CallTool call = (Step.CallTool) next(DEPLOYED.plusSeconds(10));
        assertThat(call.args().get("deployed_at").asText()).isEqualTo(running.toString());
        assertThat(call.args().get("warmup_seconds").asDouble()).isEqualTo(7 * 60.0);
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.02);
        assertThat(((Step.Note) next(DEPLOYED.plusSeconds(10))).text()).contains("the rollout began at " + running
                + " (its running event), so the baseline is the window before that and the rollout is left out");
    }

    @Test
    void checks_on_schedule_and_records_each_check_with_a_provisional_verdict() {
        deployment("success");
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).until()).isEqualTo(DEPLOYED.plusSeconds(10));
        Step.CallTool call = (Step.CallTool) next(DEPLOYED.plusSeconds(10));
        assertThat(call.tool()).isEqualTo("compare_windows");
        assertThat(call.args().get("deployed_at").asText()).isEqualTo(DEPLOYED.toString());
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.02);
        Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(10));
        assertThat(note.kind()).isEqualTo(Step.NoteKind.CHECK);
        assertThat(note.data().at("/verdict/state").asText()).isEqualTo("pending");
        assertThat(note.data().at("/verdict/score").asDouble()).isEqualTo(100.0);
        assertThat(note.data().at("/check/metrics/0/name").asText()).isEqualTo("error_rate");
    }

    @Test
    void a_critical_regression_ends_the_watch_early_as_degraded_with_the_numbers_in_the_report() {
        deployment("success");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 5.0, 20);
        Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(10));
        assertThat(note.data().at("/verdict/state").asText()).isEqualTo("degraded");
        assertThat(note.data().at("/verdict/decided_at").asText()).isNotEmpty();
        add("check", note.text(), note.data());
        Step.Finish finish = (Step.Finish) next(DEPLOYED.plusSeconds(11));
        assertThat(finish.report().markdown()).contains("| error_rate |").contains("| high (failing, critical) |")
                .contains("## Recommended actions");
        add("report", "done", Json.object());
        assertThat(((Step.Finish) next(DEPLOYED.plusSeconds(12))).report()).isNull();
    }

    @Test
    void an_early_regression_without_history_to_weigh_it_against_waits_for_the_last_check() {
        deployment("success");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 5.0);
        Step.Note early = (Step.Note) next(DEPLOYED.plusSeconds(10));
        assertThat(early.data().at("/verdict/state").asText()).isEqualTo("pending");
        assertThat(early.text()).contains("provisional: degraded");
        add("check", early.text(), early.data());
        comparison(DEPLOYED.plusSeconds(20), 1.0, 5.0);
        Step.Note second = (Step.Note) next(DEPLOYED.plusSeconds(20));
        assertThat(second.data().at("/verdict/state").asText()).isEqualTo("pending");
        add("check", second.text(), second.data());
        comparison(DEPLOYED.plusSeconds(30), 1.0, 5.0);
        Step.Note last = (Step.Note) next(DEPLOYED.plusSeconds(30));
        assertThat(last.data().at("/verdict/state").asText()).isEqualTo("degraded");
    }

    @Test
    void the_final_check_asks_again_for_metrics_prometheus_failed_to_give_and_settles_on_the_answer() {
        deployment("success");
        unreadComparison(DEPLOYED.plusSeconds(10), "latency_p95_seconds");
        assertThat(((Step.Note) next(DEPLOYED.plusSeconds(11))).kind()).as("an early check is recorded as it is")
                .isEqualTo(Step.NoteKind.CHECK);
        add("check", "check 1", ((Step.Note) next(DEPLOYED.plusSeconds(11))).data());
        comparison(DEPLOYED.plusSeconds(20), 1.0, 1.02);
        add("check", "check 2", ((Step.Note) next(DEPLOYED.plusSeconds(20))).data());

        unreadComparison(DEPLOYED.plusSeconds(31), "latency_p95_seconds");
        Step.Note asks = (Step.Note) next(DEPLOYED.plusSeconds(31));
        assertThat(asks.kind()).isEqualTo(Step.NoteKind.THOUGHT);
        assertThat(asks.text()).isEqualTo("Check 3, the final one, could not read latency_p95_seconds "
                + "(latency_p95_seconds not checked: Prometheus http://prometheus:9090 answered 503); it asks again "
                + "at +41s (try 2) rather than settle the verdict without them");
        add("thought", asks.text(), asks.data());
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(32))).until()).isEqualTo(DEPLOYED.plusSeconds(41));
        Step.CallTool again = (Step.CallTool) next(DEPLOYED.plusSeconds(41));
        assertThat(again.args().get("at").asText()).as("the same windows").isEqualTo(DEPLOYED.plusSeconds(30)
                .toString());

        comparison(DEPLOYED.plusSeconds(42), 1.0, 1.02);
        Step.Note settled = (Step.Note) next(DEPLOYED.plusSeconds(42));
        assertThat(settled.kind()).isEqualTo(Step.NoteKind.CHECK);
        assertThat(settled.data().at("/verdict/state").asText()).isEqualTo("healthy");
    }

    @Test
    void the_final_check_settles_without_the_metrics_once_its_time_to_ask_again_is_up() {
        deployment("success");
        for (int offset : new int[] {10, 20}) {
            comparison(DEPLOYED.plusSeconds(offset), 1.0, 1.02);
            add("check", "check", ((Step.Note) next(DEPLOYED.plusSeconds(offset))).data());
        }
        List<Instant> asked = new ArrayList<>();
        Instant failed = DEPLOYED.plusSeconds(31);
        for (int i = 0; i < 5; i++) {
            unreadComparison(failed, "latency_p95_seconds");
            Step step = next(failed);
            if (!(step instanceof Step.Note n) || n.kind() != Step.NoteKind.THOUGHT) {
                assertThat(((Step.Note) step).kind()).isEqualTo(Step.NoteKind.CHECK);
                assertThat(step.toString()).contains("Prometheus http://prometheus:9090 answered 503");
                break;
            }
            add("thought", n.text(), n.data());
            Instant at = Instant.parse(n.data().get(VerifyDeploy.ASK_AGAIN).asText());
            asked.add(at);
            failed = at.plusSeconds(1);
        }
        // 10 s, then 20 s after each failed try, while a try starts within 70 s (7 first offsets) of the bake's end
        assertThat(asked).containsExactly(DEPLOYED.plusSeconds(41), DEPLOYED.plusSeconds(62));
    }

    @Test
    void a_watch_resumed_after_an_outage_judges_each_missed_check_on_its_own_window() {
        deployment("success");
        Instant late = DEPLOYED.plus(Duration.ofMinutes(20)); // the node was down past the whole bake
        for (int offset : new int[] {10, 20, 30}) { // the last check still ends at the 30 s bake time
            Step.CallTool call = (Step.CallTool) next(late);
            assertThat(call.args().get("at").asText()).isEqualTo(DEPLOYED.plusSeconds(offset).toString());
            comparison(DEPLOYED.plusSeconds(offset), 1.0, 1.02);
            add("check", "check at +" + offset, ((Step.Note) next(late)).data());
        }
        assertThat(((Step.Finish) next(late)).report()).isNotNull();
    }

    @Test
    void a_failed_deploy_lists_earlier_deploys_reads_metrics_then_records_a_failed_verdict() {
        deployment("failure");
        assertThat(((Step.CallTool) next(DEPLOYED)).tool()).isEqualTo("list_deployments");
        result("list_deployments", Json.MAPPER.createArrayNode());
        assertThat(((Step.CallTool) next(DEPLOYED)).tool()).isEqualTo("query_metrics");
        result("query_metrics", Json.MAPPER.createArrayNode());
        Step.Note finding = (Step.Note) next(DEPLOYED);
        assertThat(finding.data().at("/verdict/state").asText()).isEqualTo("failed");
        add("finding", finding.text(), finding.data());
        assertThat(((Step.Finish) next(DEPLOYED)).report().markdown()).contains("Deployment failed");
    }

    @Test
    void a_failed_deploys_last_good_commit_is_neither_its_own_success_event_nor_another_environments() {
        deployment("failure");
        next(DEPLOYED);
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("status", "success").put("commit_sha", "abcdef1").put("session_id", "s-this");
        listed.addObject().put("status", "success").put("commit_sha", "5151515").put("session_id", "s-staging")
                .putObject("event_metadata").put("environment", "staging");
        listed.addObject().put("status", "success").put("commit_sha", "9090909").put("session_id", "s-before");
        result("list_deployments", listed);
        result("query_metrics", Json.MAPPER.createArrayNode());
        Step.Note finding = (Step.Note) next(DEPLOYED);
        add("finding", finding.text(), finding.data());
        String report = ((Step.Finish) next(DEPLOYED)).report().markdown();
        assertThat(report).contains("Last successful deployment: ").contains("commit 9090909")
                .contains("The service should still run commit 9090909").doesNotContain("5151515")
                .doesNotContain("Production");
    }

    @Test
    void follows_the_schedule_its_session_was_created_with_and_ends_at_that_bake_time() {
        context.set(DeployMonitorBrain.SCHEDULE_KEY, new MonitorSchedule(List.of(Duration.ofSeconds(5)),
                Duration.ofSeconds(12)).toJson());
        deployment("success");
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).until()).isEqualTo(DEPLOYED.plusSeconds(5));
        for (int at : new int[] {5, 10}) {
            comparison(DEPLOYED.plusSeconds(at), 1.0, 1.02);
            Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(at));
            assertThat(note.data().at("/verdict/state").asText()).isEqualTo("pending");
            add("check", note.text(), note.data());
        }
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(10))).until()).isEqualTo(DEPLOYED.plusSeconds(12));
        comparison(DEPLOYED.plusSeconds(12), 1.0, 1.02);
        Step.Note last = (Step.Note) next(DEPLOYED.plusSeconds(12));
        assertThat(last.data().at("/verdict/state").asText()).isEqualTo("healthy");
    }

    @Test
    void with_a_warm_up_the_first_check_waits_for_its_end_and_asks_for_the_window_after_it() {
        context.set(DeployMonitorBrain.SCHEDULE_KEY, new MonitorSchedule(List.of(Duration.ofSeconds(5)),
                Duration.ofSeconds(12), Duration.ofSeconds(6)).toJson());
        deployment("success");
        assertThat(((Step.Wait) next(DEPLOYED.plusSeconds(1))).until()).isEqualTo(DEPLOYED.plusSeconds(10));
        Step.CallTool call = (Step.CallTool) next(DEPLOYED.plusSeconds(10));
        assertThat(call.args().get("warmup_seconds").asDouble()).isEqualTo(6.0);
        for (int at : new int[] {10, 12}) {
            comparison(DEPLOYED.plusSeconds(at), 1.0, 1.02);
            Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(at));
            add("check", note.text(), note.data());
        }
        Step.Finish finish = (Step.Finish) next(DEPLOYED.plusSeconds(12));
        assertThat(finish.report().markdown()).contains("2 checks after the deploy")
                .contains("the first 6s after it left out as the service's warm-up");
    }

    @Test
    void answers_a_question_with_the_verdict_so_far_and_once_settled_as_final() {
        deployment("success");
        add("message", "how is it going?", Json.object().put("role", "user").put("content", "how is it going?"));
        assertThat(((Step.Say) next(DEPLOYED.plusSeconds(3))).text()).contains("no check has run yet");

        Step.CallTool call = (Step.CallTool) nextAfterAnswer(DEPLOYED.plusSeconds(10));
        assertThat(call.tool()).isEqualTo("compare_windows");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 3.0, 40);
        Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(10));
        add("check", note.text(), note.data());
        add("message", "why?", Json.object().put("role", "user").put("content", "why?"));
        String answer = ((Step.Say) next(DEPLOYED.plusSeconds(11))).text();
        // beyond doubt at once, so the watch ended there
        assertThat(answer).contains("The watch has ended: after 1 check the verdict is final: **degraded")
                .contains("Failing: error_rate high 3.00x (").contains("0 of 1 metrics with data passed");
    }

    @Test
    void a_question_to_a_cancelled_watch_is_answered_with_its_final_verdict_not_the_last_provisional_one() {
        deployment("success");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.0);
        Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(10));
        add("check", note.text(), note.data()); // provisional: the bake runs to +30 s
        add("status", "Session cancelled by a user", Json.object().put("status", "cancelled"));
        add("message", "status?", Json.object().put("role", "user").put("content", "status?"));

        String answer = ((Step.Say) next(DEPLOYED.plusSeconds(20))).text();

        assertThat(answer).contains("The watch was cancelled").contains("the verdict is final: **inconclusive**")
                .contains("Before that, 1 check ran").doesNotContain("pending");
    }

    @Test
    void the_report_of_a_cancelled_watch_names_who_cancelled_it() {
        deployment("success");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.0);
        Step.Note note = (Step.Note) next(DEPLOYED.plusSeconds(10));
        add("check", note.text(), note.data());
        var cancelled = Json.object().put("status", "cancelled");
        cancelled.putObject("sender").put("name", "on_call@example.com").put("user_id", "u1");
        add("status", "Session cancelled by on_call@example.com", cancelled);

        Step.Finish finish = (Step.Finish) next(DEPLOYED.plusSeconds(20));

        assertThat(finish.report().markdown()).contains("on_call@example.com cancelled the monitor before its bake "
                + "time ended").doesNotContain("A person cancelled");
    }

    @Test
    void a_question_to_a_watch_that_ended_is_answered_with_its_final_verdict() {
        MonitorSchedule oneCheck = new MonitorSchedule(List.of(Duration.ofSeconds(10)), Duration.ofSeconds(10));
        deployment("success");
        comparison(DEPLOYED.plusSeconds(10), 1.0, 1.0);
        Step.Note note = (Step.Note) new DeployMonitorBrain(oneCheck, Set.of("compare_windows")).next(history(
                DEPLOYED.plusSeconds(10)));
        add("check", note.text(), note.data());
        add("message", "status?", Json.object().put("role", "user").put("content", "status?"));

        String answer = ((Step.Say) next(DEPLOYED.plusSeconds(20))).text();

        assertThat(answer).contains("The watch has ended: after 1 check the verdict is final: **healthy")
                .doesNotContain("pending");
    }

    /** The step after the agent answered the question it was asked. */
    private Step nextAfterAnswer(Instant now) {
        add("message", "answered", Json.object().put("role", "agent").put("content", "answered"));
        return next(now);
    }

    private Step next(Instant now) {
        return brain.next(history(now));
    }

    private History history(Instant now) {
        SessionFacts facts = new SessionFacts("s1", "o1", "p1", "deploy_monitor", "Deploy", context, DEPLOYED);
        return new History(facts, List.copyOf(timeline), now);
    }

    private void deployment(String status) {
        ObjectNode d = Json.object().put("status", status).put("created_at", DEPLOYED.toString())
                .put("repository_full_name", "acme/web").put("commit_sha", "abcdef1").put("deployment_request", "Deploy");
        result("get_deployment", d);
    }

    private void comparison(Instant at, double before, double after) {
        comparison(at, before, after, 0);
    }

    /** A comparison whose metric was steady at {@code before} for {@code historyWindows} windows before the baseline. */
    private void comparison(Instant at, double before, double after, int historyWindows) {
        double[] base = {before, before * 1.01, before * 0.99, before, before * 1.02, before * 0.98};
        double[] now = {after, after * 1.01, after * 0.99, after, after * 1.02, after * 0.98};
        double[] history = new double[historyWindows * base.length];
        for (int i = 0; i < history.length; i++) {
            history[i] = base[i % base.length];
        }
        Check check = Judge.check(at, List.of(MetricSamples.of("error_rate", base, now).withHistory(history)));
        ObjectNode data = Json.object();
        data.set("check", Json.MAPPER.valueToTree(check));
        result("compare_windows", data);
    }

    /** A comparison made at {@code at} in which Prometheus failed for now to give one metric; the other passes. */
    private void unreadComparison(Instant at, String unread) {
        double[] steady = {1.0, 1.01, 0.99, 1.0, 1.02, 0.98};
        Check check = Judge.check(at, List.of(MetricSamples.of("error_rate", steady, steady)));
        ObjectNode data = Json.object();
        data.set("check", Json.MAPPER.valueToTree(check));
        data.putArray("problems").add(unread + " not checked: Prometheus http://prometheus:9090 answered 503");
        data.putArray(DeployMonitorBrain.UNREAD_FOR_NOW).add(unread);
        ObjectNode d = Json.object().put("tool", "compare_windows").put("status", "ok");
        d.set("data", data);
        timeline.add(new Entry(timeline.size() + 1, "tool_result", "compare_windows result", d, at));
    }

    private void result(String tool, JsonNode data) {
        ObjectNode d = Json.object().put("tool", tool).put("status", "ok");
        d.set("data", data);
        add("tool_result", tool + " result", d);
    }

    private void add(String type, String text, JsonNode data) {
        timeline.add(new Entry(timeline.size() + 1, type, text, data, DEPLOYED));
    }
}
