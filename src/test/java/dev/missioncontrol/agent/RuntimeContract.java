package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.sessions.Sender;
import dev.missioncontrol.sessions.SessionEvent;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.GateTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session runtime's guarantees, on a real database. Subclasses pick SQLite or PostgreSQL. */
abstract class RuntimeContract {
    private static final Sender ASKER = Sender.person("user-1", "ops@example.com");
    RuntimeHarness rt;

    abstract TestServer.Db database();

    @BeforeEach
    void setUp() throws Exception {
        rt = new RuntimeHarness(database());
    }

    @AfterEach
    void tearDown() throws Exception {
        rt.close();
    }

    static List<Function<History, Step>> gateThenThoughtThenReport() {
        return List.of(
                h -> new Step.CallTool("gate", Json.object()),
                h -> new Step.Note(Step.NoteKind.THOUGHT, "the gate opened", Json.object()),
                h -> new Step.Finish(new dev.missioncontrol.agent.Report("## Summary\n\ndone", "done", "done",
                        List.of())));
    }

    @Test
    void resumes_after_worker_dies_mid_step_without_asking_a_recorded_step_again() throws Exception {
        String id = rt.newSession();
        GateTool deadGate = new GateTool();
        deadGate.close();
        ScriptedBrain brainA = new ScriptedBrain(gateThenThoughtThenReport());
        Lease leaseA = rt.jobs.claimDue("node-a", 1, Duration.ofSeconds(10)).get(0);
        var workerA = CompletableFuture.supplyAsync(() -> rt.runner(brainA, deadGate).run(leaseA));
        assertThat(deadGate.entered.await(10, TimeUnit.SECONDS)).isTrue();

        rt.advanceWithLeases(Duration.ofSeconds(11)); // node A stops heartbeating: its lease expires
        GateTool liveGate = new GateTool();
        ScriptedBrain brainB = new ScriptedBrain(gateThenThoughtThenReport());
        rt.dispatcher(rt.runner(brainB, liveGate), "node-b", 4);
        await().atMost(Duration.ofSeconds(15)).until(() -> rt.status(id) == SessionStatus.COMPLETED);

        deadGate.open(); // the dead worker wakes up and tries to record its stale result
        assertThat(workerA.get(10, TimeUnit.SECONDS)).isEqualTo(SessionRunner.Outcome.FENCED);
        // the second status says the session was resumed after node A stopped
        assertThat(rt.types(id)).containsExactly("status", "tool_call", "status", "tool_result", "thought", "report",
                "status");
        assertGapless(rt.events(id));
        assertThat(liveGate.calls.get()).as("the interrupted tool call is run again exactly once").isEqualTo(1);
        assertThat(brainA.askedAt).containsExactly(1L);
        assertThat(brainB.askedAt).doesNotHaveDuplicates().allMatch(seq -> seq >= 3);
    }

    @Test
    void cancel_stops_the_brain_between_steps() throws Exception {
        String id = rt.newSession();
        GateTool gate = new GateTool();
        gate.close();
        ScriptedBrain brain = new ScriptedBrain(gateThenThoughtThenReport());
        Dispatcher d = rt.dispatcher(rt.runner(brain, gate), "node", 4);
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        rt.service.cancel(rt.orgId, id, ASKER);
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> d.runningCount() == 0);
        assertThat(rt.status(id)).isEqualTo(SessionStatus.CANCELLED);
        assertThat(rt.types(id)).containsExactly("status", "tool_call", "status");
        assertThat(brain.askedAt).hasSize(1);
    }

    @Test
    void cancel_frees_the_worker_while_its_brain_still_waits_on_a_slow_answer() throws Exception {
        String id = rt.newSession();
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Brain hungProvider = h -> {
            asked.countDown();
            try {
                new CountDownLatch(1).await(); // an LLM provider that never answers
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return new Step.Finish(null);
        };
        Dispatcher d = rt.dispatcher(rt.runner(hungProvider), "node", 4);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        rt.service.cancel(rt.orgId, id, ASKER);
        // the harness's lease is 10 s, so its heartbeat notices the cancel within about 3.3 s
        await().atMost(Duration.ofSeconds(8)).until(() -> d.runningCount() == 0);
        assertThat(interrupted.await(1, TimeUnit.SECONDS)).as("the provider call is aborted").isTrue();
        assertThat(rt.status(id)).isEqualTo(SessionStatus.CANCELLED);
        assertThat(rt.types(id)).containsExactly("status", "status");
    }

    @Test
    void cancel_frees_the_worker_while_its_tool_still_runs() throws Exception {
        String id = rt.newSession();
        GateTool gate = new GateTool();
        gate.close(); // a tool over a huge paste, or one waiting on a source that never answers
        Dispatcher d = dispatcherInside(gate);
        rt.service.cancel(rt.orgId, id, ASKER);
        // the harness's lease is 10 s, so its heartbeat notices the cancel within about 3.3 s
        await().atMost(Duration.ofSeconds(8)).until(() -> d.runningCount() == 0);
        assertThat(rt.types(id)).containsExactly("status", "tool_call", "status");
        gate.open();
    }

    @Test
    void a_tool_that_never_finishes_is_given_up_at_the_run_time_limit_and_the_session_fails() throws Exception {
        String id = rt.newSession();
        GateTool gate = new GateTool();
        gate.close();
        Limits oneMinute = new Limits(400, Duration.ofMinutes(1));
        Dispatcher d = rt.dispatcher(rt.runner(rt.journal, oneMinute,
                new ScriptedBrain(gateThenThoughtThenReport()), gate), "node", 4, Duration.ofMinutes(5));
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        rt.clock.advance(Duration.ofSeconds(61)); // within the lease, past the run's time
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.FAILED);
        assertThat(d.runningCount()).isZero();
        assertThat(rt.events(id)).anyMatch(e -> e.type().equals("tool_result")
                && e.text().equals("gate did not finish within the time limit of 1 minutes for one run"));
        assertThat(rt.events(id)).anyMatch(e -> e.type().equals("error") && e.text().contains("time limit"));
        assertThat(gate.calls.get()).isEqualTo(1);
        gate.open();
    }

    @Test
    void a_session_cancelled_and_reopened_while_its_worker_still_runs_is_never_run_by_two_workers() throws Exception {
        String id = rt.newSession();
        GateTool gate = new GateTool();
        gate.close();
        Dispatcher d = dispatcherInside(gate);
        rt.service.cancel(rt.orgId, id, ASKER);
        rt.service.message(rt.orgId, id, "why did it stop?", ASKER); // this node claims the reopened session at once
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.calls.get() == 2);
        // the first worker is walked away from once its heartbeat finds its claim gone
        await().atMost(Duration.ofSeconds(8)).until(() -> d.runningCount() == 1);
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> d.runningCount() == 0);
        List<String> types = rt.types(id);
        assertThat(types).filteredOn("tool_result"::equals).hasSize(1);
        assertThat(rt.events(id)).filteredOn(e -> e.text().equals("answer to: why did it stop?")).hasSize(1);
        assertThat(rt.status(id)).isEqualTo(SessionStatus.CANCELLED);
        assertGapless(rt.events(id));
    }

    /** A node running the gate-then-thought-then-report script, once its worker waits inside {@code gate}. */
    private Dispatcher dispatcherInside(GateTool gate) throws InterruptedException {
        Dispatcher d = rt.dispatcher(rt.runner(new ScriptedBrain(gateThenThoughtThenReport()), gate), "node", 4);
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        return d;
    }

    @Test
    void a_question_asked_while_the_session_ran_is_answered_after_its_report() throws Exception {
        String id = rt.newSession();
        GateTool gate = new GateTool();
        gate.close();
        Report report = new Report("## Summary\n\ndone", "done", "done", List.of());
        // a playbook that reads no question until its report is written, as the built-in analyst's does
        Brain playbook = h -> h.hasReport()
                ? h.unansweredMessage().<Step>map(m -> new Step.Say("answer to: " + m.text())).orElse(new Step.Finish(null))
                : h.last("tool_result").isPresent() ? new Step.Finish(report) : new Step.CallTool("gate", Json.object());
        rt.dispatcher(rt.runner(playbook, gate), "node", 4);
        assertThat(gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
        rt.service.message(rt.orgId, id, "when did it start?", ASKER);
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED);
        assertThat(rt.types(id)).containsExactly("status", "tool_call", "message", "tool_result", "report", "message",
                "status");
        assertThat(rt.events(id).get(5).text()).isEqualTo("answer to: when did it start?");
        assertThat(rt.sessions.find(rt.orgId, id).orElseThrow().report()).isEqualTo("## Summary\n\ndone");
    }

    @Test
    void a_brain_that_writes_its_report_again_instead_of_answering_a_question_still_ends_the_session() {
        String id = rt.newSession();
        rt.service.message(rt.orgId, id, "anything new?", ASKER); // waiting before the brain first reads the timeline
        Brain stubborn = h -> new Step.Finish(new Report("## Summary\n\nsame", "same", "same", List.of()));
        rt.dispatcher(rt.runner(stubborn), "node", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED);
        assertThat(rt.types(id)).filteredOn("report"::equals).hasSize(2);
    }

    @Test
    void a_message_reopens_an_ended_session_and_gets_an_answer() {
        String id = rt.newSession();
        ScriptedBrain brain = new ScriptedBrain(List.of(h -> new Step.Finish(
                new dev.missioncontrol.agent.Report("## Summary\n\nfirst", "first", "first", List.of()))));
        rt.dispatcher(rt.runner(brain), "node", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED);
        rt.service.message(rt.orgId, id, "what changed?", ASKER);
        // the timeline, not the status: a worker may answer and end the session again before a status read
        assertThat(rt.events(id)).anyMatch(e -> e.type().equals("status")
                && e.data().path(SessionService.REOPENED_FROM).asText().equals("completed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED
                && rt.types(id).contains("message") && rt.events(id).stream().anyMatch(
                        e -> e.type().equals("message") && e.text().equals("answer to: what changed?")));
        assertGapless(rt.events(id));
        assertThat(rt.sessions.find(rt.orgId, id).orElseThrow().report()).contains("first");
    }

    /**
     * A message read the session as active while a cancel on another node was committing, and so woke a cancelled
     * session without reopening it: it ran, and ended "completed", hiding the cancel.
     */
    @Test
    void a_message_racing_a_cancel_reopens_the_cancelled_session() throws Exception {
        String id = rt.newSession();
        CountDownLatch cancelling = new CountDownLatch(1);
        var cancel = CompletableFuture.runAsync(() -> rt.db.jdbi().useTransaction(h -> {
            rt.sessions.finish(h, id, SessionStatus.CANCELLED, rt.clock.instant());
            rt.sessions.append(h, id, "status", "Session cancelled by a user", Json.object()
                    .put("status", "cancelled"), rt.clock.instant());
            cancelling.countDown();
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // not yet committed while the message comes in
        }));
        assertThat(cancelling.await(10, TimeUnit.SECONDS)).isTrue();

        rt.service.message(rt.orgId, id, "still there?", ASKER);
        cancel.get(10, TimeUnit.SECONDS);

        assertThat(rt.events(id)).anyMatch(e -> e.type().equals("status")
                && e.data().path(SessionService.REOPENED_FROM).asText().equals("cancelled"));
        assertGapless(rt.events(id));
    }

    @Test
    void a_sleeping_session_wakes_at_its_next_run_at() throws Exception {
        String id = rt.newSession();
        ScriptedBrain brain = new ScriptedBrain(List.of(
                h -> new Step.Wait(h.now().plus(Duration.ofHours(1)), "checking again in an hour"),
                h -> new Step.Finish(new dev.missioncontrol.agent.Report("woke", "woke", "woke", List.of()))));
        Dispatcher d = rt.dispatcher(rt.runner(brain), "node", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.types(id).contains("status")
                && rt.events(id).stream().anyMatch(e -> e.data().has("sleeping_until")));
        Thread.sleep(300); // several poll intervals: nothing may run while the clock stands still
        int asked = brain.askedAt.size();
        assertThat(rt.status(id)).isEqualTo(SessionStatus.ACTIVE);
        rt.clock.advance(Duration.ofMinutes(59));
        d.nudge();
        Thread.sleep(200);
        assertThat(brain.askedAt).hasSize(asked);
        rt.clock.advance(Duration.ofMinutes(2));
        d.nudge();
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED);
    }

    @Test
    void seq_stays_gapless_with_many_sessions_and_concurrent_messages() {
        ScriptedBrain brain = new ScriptedBrain(List.of(
                h -> new Step.Note(Step.NoteKind.THOUGHT, "one", Json.object()),
                h -> new Step.Note(Step.NoteKind.FINDING, "two", Json.object()),
                h -> new Step.Note(Step.NoteKind.THOUGHT, "three", Json.object()),
                h -> new Step.Finish(new dev.missioncontrol.agent.Report("r", "r", "r", List.of()))));
        rt.dispatcher(rt.runner(brain), "node-1", 8);
        rt.dispatcher(rt.runner(brain), "node-2", 8);
        List<String> ids = LongStream.range(0, 40).mapToObj(i -> rt.newSession()).toList();
        ids.parallelStream().forEach(id -> rt.service.message(rt.orgId, id, "hello", ASKER));
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> rt.status(id) == SessionStatus.COMPLETED));
        ids.forEach(id -> assertGapless(rt.events(id)));
    }

    @Test
    void a_tool_that_overflows_the_stack_gives_the_brain_an_error_result_and_the_session_goes_on() {
        SessionEvent result = deepToolResult(Json.object());
        assertThat(result.data().path("status").asText()).isEqualTo("error");
        assertThat(result.text()).contains("the stack overflowed").contains("try a simpler pattern")
                .doesNotContain("StackOverflowError");
    }

    @Test
    void a_call_with_a_wrongly_typed_argument_is_refused_with_the_reason_and_the_tool_never_runs() {
        SessionEvent result = deepToolResult(Json.object().put("depth", "five"));
        assertThat(result.data().path("status").asText()).isEqualTo("error");
        assertThat(result.text()).contains("deep was not run").contains("depth").contains("integer")
                .doesNotContain("the stack overflowed");
    }

    /** The result of one call of the overflowing tool with {@code args}, in a session that then finishes. */
    private SessionEvent deepToolResult(com.fasterxml.jackson.databind.JsonNode args) {
        String id = rt.newSession();
        ScriptedBrain brain = new ScriptedBrain(List.of(
                h -> new Step.CallTool("deep", args),
                h -> new Step.Finish(new dev.missioncontrol.agent.Report("r", "r", "r", List.of()))));
        rt.dispatcher(rt.runner(brain, new OverflowingTool()), "node", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.COMPLETED);
        return rt.events(id).stream().filter(e -> e.type().equals("tool_result")).findFirst().orElseThrow();
    }

    @Test
    void a_brain_that_overflows_the_stack_fails_the_session_with_the_reason_on_its_timeline() {
        String id = rt.newSession();
        ScriptedBrain brain = new ScriptedBrain(List.of(h -> {
            throw new StackOverflowError();
        }));
        rt.dispatcher(rt.runner(brain), "node", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rt.status(id) == SessionStatus.FAILED);
        assertThat(rt.events(id)).anyMatch(e -> e.type().equals("error") && e.text().contains("the stack overflowed"));
    }

    @Test
    void a_step_that_keeps_crashing_fails_the_session_after_a_bounded_number_of_attempts() {
        String id = rt.newSession();
        // A note without a kind cannot be recorded: the runner itself throws on every attempt.
        ScriptedBrain brain = new ScriptedBrain(List.of(h -> new Step.Note(null, "unrecordable", Json.object())));
        Dispatcher d = rt.dispatcher(rt.runner(brain), "node", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            rt.clock.advance(Duration.ofSeconds(6)); // past the retry delay of a crashed attempt
            d.nudge();
            return rt.status(id) == SessionStatus.FAILED;
        });
        List<SessionEvent> events = rt.events(id);
        assertThat(events).filteredOn(e -> e.data().has("crashed_attempt")).hasSize(SessionRunner.MAX_ATTEMPTS - 1);
        assertThat(events).anyMatch(e -> e.type().equals("error") && e.text().contains("crashed 3 times in a row"));
        assertThat(brain.askedAt).hasSize(SessionRunner.MAX_ATTEMPTS);
        assertGapless(events);
    }

    @Test
    void a_step_that_takes_its_node_down_every_time_fails_the_session_after_a_bounded_number_of_attempts() {
        String id = rt.newSession();
        // as a paste too large for the heap does; a node killed by the kernel leaves its lease behind the same way
        ScriptedBrain brain = new ScriptedBrain(List.of(h -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        Dispatcher d = rt.dispatcher(rt.runner(brain), "node", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            rt.advanceWithLeases(Duration.ofSeconds(11)); // past the lease the stopped worker left behind
            d.nudge();
            return rt.status(id) == SessionStatus.FAILED;
        });
        List<SessionEvent> events = rt.events(id);
        assertThat(events).filteredOn(e -> e.text().startsWith("Resumed after the server running the session "
                + "stopped")).hasSize(SessionRunner.MAX_ATTEMPTS - 1);
        assertThat(events).anyMatch(e -> e.type().equals("error") && e.text().contains("stopped 3 times in a row"));
        assertThat(brain.askedAt).hasSize(SessionRunner.MAX_ATTEMPTS);
        assertGapless(events);
    }

    /** A tool whose input drives it past the end of the stack, as a deep regex on a long line does. */
    private static final class OverflowingTool implements Tool {
        @Override
        public String name() {
            return "deep";
        }

        @Override
        public String description() {
            return "overflows the stack";
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode schema() {
            var schema = Json.object().put("type", "object");
            schema.putObject("properties").putObject("depth").put("type", "integer");
            return schema;
        }

        @Override
        public ToolResult run(com.fasterxml.jackson.databind.JsonNode args, SessionFacts session) {
            throw new StackOverflowError();
        }
    }

    static void assertGapless(List<SessionEvent> events) {
        assertThat(events.stream().map(SessionEvent::seq).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
    }
}
