package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.sessions.SessionEvent;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database out of reach for a while (a failover, a restart) pauses a session instead of counting as its crashes.
 * The outage is a real one: a PostgreSQL connection to a port where nothing listens.
 */
class DatabaseOutageIT {
    /** More failures in a row than the crashes that fail a session. */
    private static final int OUTAGE = SessionRunner.MAX_ATTEMPTS + 2;

    private RuntimeHarness rt;

    @BeforeEach
    void setUp() throws Exception {
        rt = new RuntimeHarness(TestServer.Db.SQLITE);
    }

    @AfterEach
    void tearDown() throws Exception {
        rt.close();
    }

    @Test
    void a_journal_that_cannot_reach_its_database_pauses_the_session_without_failing_it() {
        String id = rt.newSession();
        AtomicInteger refused = new AtomicInteger();
        Journal flaky = new OutageJournal(rt.journal, refused);
        ScriptedBrain brain = new ScriptedBrain(List.of(
                h -> new Step.Note(Step.NoteKind.THOUGHT, "written once the database is back", Json.object())));
        Dispatcher d = rt.dispatcher(rt.runner(flaky, brain), "node", 4);
        awaitEnd(d, id);

        assertThat(refused.get()).isEqualTo(OUTAGE);
        assertThat(rt.status(id)).isEqualTo(SessionStatus.COMPLETED);
        assertThat(rt.events(id)).noneMatch(e -> e.data().has("crashed_attempt") || e.type().equals("error"));
        assertThat(rt.types(id)).containsExactly("status", "thought", "status");
    }

    @Test
    void a_tool_that_cannot_reach_its_database_is_run_again_rather_than_answered_with_the_outage() {
        String id = rt.newSession();
        AtomicInteger calls = new AtomicInteger();
        ScriptedBrain brain = new ScriptedBrain(List.of(h -> new Step.CallTool("deployments", Json.object())));
        Dispatcher d = rt.dispatcher(rt.runner(brain, new OutageTool(calls)), "node", 4);
        awaitEnd(d, id);

        assertThat(calls.get()).isEqualTo(OUTAGE + 1);
        List<SessionEvent> results = rt.events(id).stream().filter(e -> e.type().equals("tool_result")).toList();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).data().path("status").asText()).isEqualTo("ok");
        assertThat(rt.status(id)).isEqualTo(SessionStatus.COMPLETED);
    }

    /**
     * The outage also refuses giving the session back, so its lease runs out and this node claims it again: that is
     * no crash of the node, which lived throughout. Counted as one, three such rounds failed the session.
     */
    @Test
    void a_session_this_node_could_not_give_back_is_not_counted_as_a_crash_when_it_claims_it_again() {
        String id = rt.newSession();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();
        WorkQueue refusingReleases = new WorkQueue() {
            @Override
            public List<Lease> claimDue(String owner, int max, Duration leaseFor) {
                return rt.jobs.claimDue(owner, max, leaseFor);
            }

            @Override
            public boolean heartbeat(Lease lease, Duration leaseFor) {
                return rt.jobs.heartbeat(lease, leaseFor);
            }

            @Override
            public void release(Lease lease, Duration delay) {
                if (releases.incrementAndGet() <= OUTAGE) {
                    throw new ConnectionException(unreachable());
                }
                rt.jobs.release(lease, delay);
            }
        };
        ScriptedBrain brain = new ScriptedBrain(List.of(
                h -> new Step.Note(Step.NoteKind.THOUGHT, "written once the database is back", Json.object())));
        try (Dispatcher d = new Dispatcher(refusingReleases, rt.runner(new OutageJournal(rt.journal, refused), brain),
                "node", 4, Duration.ofSeconds(10), Duration.ofMillis(50)).start()) {
            rt.bus.onWork(d::nudge);
            awaitEnd(d, id);
        }

        assertThat(releases.get()).isGreaterThan(SessionRunner.MAX_ATTEMPTS);
        assertThat(rt.status(id)).isEqualTo(SessionStatus.COMPLETED);
        assertThat(rt.events(id)).noneMatch(e -> e.data().has("crashed_attempt"));
    }

    private void awaitEnd(Dispatcher d, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (d.runningCount() == 0) { // moving the clock under a running worker would expire its lease
                rt.clock.advance(Duration.ofSeconds(6)); // past the retry delay
                d.nudge();
            }
            return rt.status(id).ended();
        });
    }

    /** What a JDBC driver throws while its database is out of reach. */
    static SQLException unreachable() {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/missioncontrol?connectTimeout=2")) {
            throw new AssertionError("something listens on port 1");
        } catch (SQLException e) {
            return e;
        }
    }

    /** The real journal, behind a database that refuses the first {@link #OUTAGE} appends. */
    private record OutageJournal(Journal real, AtomicInteger refused) implements Journal {
        @Override
        public SessionFacts facts(String sessionId) {
            return real.facts(sessionId);
        }

        @Override
        public List<Entry> entries(String sessionId) {
            return real.entries(sessionId);
        }

        @Override
        public Entry append(Lease lease, String type, String text, JsonNode data) {
            if (refused.get() < OUTAGE) {
                refused.incrementAndGet();
                throw new ConnectionException(unreachable());
            }
            return real.append(lease, type, text, data);
        }

        @Override
        public void pickedUp(Lease lease) {
            real.pickedUp(lease);
        }

        @Override
        public boolean complete(Lease lease, long seenSeq) {
            return real.complete(lease, seenSeq);
        }

        @Override
        public Entry report(Lease lease, Report report) {
            return real.report(lease, report);
        }

        @Override
        public void fail(Lease lease, String reason) {
            real.fail(lease, reason);
        }

        @Override
        public boolean sleep(Lease lease, Instant until, long seenSeq) {
            return real.sleep(lease, until, seenSeq);
        }
    }

    /** A tool reading a database that is out of reach for its first {@link #OUTAGE} calls. */
    private record OutageTool(AtomicInteger calls) implements Tool {
        @Override
        public String name() {
            return "deployments";
        }

        @Override
        public String description() {
            return "reads deployments";
        }

        @Override
        public JsonNode schema() {
            return Json.object().put("type", "object");
        }

        @Override
        public ToolResult run(JsonNode args, SessionFacts session) {
            if (calls.incrementAndGet() <= OUTAGE) {
                throw new ConnectionException(unreachable());
            }
            return ToolResult.ok("3 deployments", Json.object());
        }
    }
}
