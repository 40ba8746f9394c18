package dev.missioncontrol.agent;

import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.sessions.JobStore;
import dev.missioncontrol.sessions.JournalStore;
import dev.missioncontrol.sessions.NewSession;
import dev.missioncontrol.sessions.SessionEvent;
import dev.missioncontrol.sessions.SessionKind;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.sessions.TimelineBus;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.MutableClock;
import dev.missioncontrol.testing.TestDatabases;
import dev.missioncontrol.testing.TestServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The runtime's real parts on a real database, with a clock the test moves. */
final class RuntimeHarness implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final TimelineBus bus = new TimelineBus();
    final Database db;
    final SessionStore sessions;
    final JournalStore journal;
    final JobStore jobs;
    final SessionService service;
    final String orgId;
    private final String pgUrl;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    RuntimeHarness(TestServer.Db kind) throws Exception {
        pgUrl = kind == TestServer.Db.POSTGRES ? TestDatabases.freshPostgres() : null;
        db = Database.open(DatabaseUrl.resolve(pgUrl, Files.createTempDirectory("mc-rt")), "NORMAL");
        sessions = new SessionStore(db.jdbi(), db.dialect(), bus);
        journal = new JournalStore(sessions, clock);
        jobs = new JobStore(db.jdbi(), db.dialect(), clock);
        service = new SessionService(sessions, clock);
        orgId = new OrgStore(db.jdbi(), clock).createOrg("rt").id();
    }

    SessionRunner runner(Brain brain, Tool... tools) {
        return runner(journal, brain, tools);
    }

    SessionRunner runner(Journal through, Brain brain, Tool... tools) {
        return runner(through, Limits.defaults(), brain, tools);
    }

    SessionRunner runner(Journal through, Limits limits, Brain brain, Tool... tools) {
        Map<String, Tool> byName = Arrays.stream(tools).collect(Collectors.toMap(Tool::name, Function.identity()));
        return new SessionRunner(through, byName, s -> brain, limits, clock);
    }

    Dispatcher dispatcher(SessionRunner runner, String node, int concurrency) {
        return dispatcher(runner, node, concurrency, Duration.ofSeconds(10));
    }

    Dispatcher dispatcher(SessionRunner runner, String node, int concurrency, Duration lease) {
        Dispatcher d = new Dispatcher(jobs, runner, node, concurrency, lease, Duration.ofMillis(50));
        bus.onWork(d::nudge);
        closeables.add(d);
        return d.start();
    }

    /**
     * Moves time on for the leases as well as the clock: on PostgreSQL they run on the database's own clock, which
     * the test cannot move, so their expiries are moved back as much instead.
     */
    void advanceWithLeases(Duration d) {
        clock.advance(d);
        if (db.dialect().isPostgres()) {
            db.jdbi().useHandle(h -> h.execute("UPDATE session_jobs SET lease_expires_at = lease_expires_at - ? "
                    + "WHERE lease_owner IS NOT NULL", d.toMillis()));
        }
    }

    String newSession() {
        return db.jdbi().inTransaction(h -> sessions.insert(h, new NewSession(orgId, null, SessionKind.GENERAL,
                "test", "test prompt", Json.object()), clock.instant()));
    }

    List<SessionEvent> events(String id) {
        return sessions.events(id, 0, 100_000);
    }

    List<String> types(String id) {
        return events(id).stream().map(SessionEvent::type).toList();
    }

    SessionStatus status(String id) {
        return sessions.find(orgId, id).orElseThrow().status();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        journal.close();
        db.close();
        if (pgUrl != null) {
            TestDatabases.dropPostgres(pgUrl);
        }
    }
}
