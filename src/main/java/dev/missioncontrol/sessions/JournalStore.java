package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.FencedOut;
import dev.missioncontrol.agent.Journal;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.store.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Session storage as the runtime sees it: every write checks the lease, and ends are atomic with the timeline. */
public final class JournalStore implements Journal, AutoCloseable {
    private final Jdbi jdbi;
    private final SessionStore store;
    private final EventWriter writer;
    private final Clock clock;

    public JournalStore(SessionStore store, Clock clock) {
        this.jdbi = store.jdbi();
        this.store = store;
        this.clock = clock;
        this.writer = new EventWriter(jdbi, store, clock);
    }

    @Override
    public SessionFacts facts(String sessionId) {
        AgentSession s = store.findAnyOrg(sessionId).orElseThrow();
        return new SessionFacts(s.id(), s.orgId(), s.projectId(), s.kind().wire(), s.prompt(), s.context(),
                s.createdAt());
    }

    @Override
    public List<Entry> entries(String sessionId) {
        return store.events(sessionId, 0, Integer.MAX_VALUE).stream()
                .map(e -> new Entry(e.seq(), e.type(), e.text(), e.data(), e.createdAt())).toList();
    }

    @Override
    public Entry append(Lease lease, String type, String text, JsonNode data) {
        return writer.append(lease, type, text, data);
    }

    @Override
    public void pickedUp(Lease lease) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE agent_sessions SET picked_up = TRUE WHERE id = :id")
                .bind("id", lease.sessionId()).execute());
    }

    @Override
    public Entry report(Lease lease, Report report) {
        return jdbi.inTransaction(h -> {
            checkLease(h, lease);
            Instant now = clock.instant();
            store.saveReport(h, lease.sessionId(), report.markdown(), summary(report), now);
            SessionEvent e = store.append(h, lease.sessionId(), "report", report.description(), Json.object()
                    .put("markdown", report.markdown()).put("outcome", report.outcome()), now);
            return new Entry(e.seq(), e.type(), e.text(), e.data(), e.createdAt());
        });
    }

    @Override
    public boolean complete(Lease lease, long seenSeq) {
        return jdbi.inTransaction(h -> {
            checkLease(h, lease);
            if (store.lastSeq(h, lease.sessionId()) > seenSeq) {
                return false;
            }
            Instant now = clock.instant();
            if (reopenedFromCancelled(h, lease.sessionId())) {
                store.finish(h, lease.sessionId(), SessionStatus.CANCELLED, now);
                store.append(h, lease.sessionId(), "status", "Question answered; the session stays cancelled",
                        Json.object().put("status", "cancelled"), now);
                return true;
            }
            store.finish(h, lease.sessionId(), SessionStatus.COMPLETED, now);
            store.append(h, lease.sessionId(), "status", "Session completed",
                    Json.object().put("status", "completed"), now);
            return true;
        });
    }

    /**
     * Whether the session was last reopened, by a question, after someone cancelled it: answered, it ends cancelled
     * again, since "completed" would read as though the watch or the investigation had run its course.
     */
    private static boolean reopenedFromCancelled(Handle h, String sessionId) {
        return h.createQuery("SELECT data FROM session_events WHERE session_id = :id AND type = 'status' "
                        + "AND text = :reopened ORDER BY seq DESC LIMIT 1")
                .bind("id", sessionId).bind("reopened", SessionService.REOPENED).mapTo(String.class).findOne()
                .map(d -> "cancelled".equals(Json.read(d).path(SessionService.REOPENED_FROM).asText()))
                .orElse(false);
    }

    @Override
    public void fail(Lease lease, String reason) {
        jdbi.useTransaction(h -> {
            checkLease(h, lease);
            Instant now = clock.instant();
            store.append(h, lease.sessionId(), "error", reason, Json.object().put("reason", reason), now);
            store.finish(h, lease.sessionId(), SessionStatus.FAILED, now);
            store.append(h, lease.sessionId(), "status", "Session failed", Json.object().put("status", "failed"), now);
        });
    }

    @Override
    public boolean sleep(Lease lease, Instant until, long seenSeq) {
        return jdbi.inTransaction(h -> {
            checkLease(h, lease);
            if (store.lastSeq(h, lease.sessionId()) > seenSeq) {
                return false;
            }
            store.sleep(h, lease.sessionId(), until);
            return true;
        });
    }

    private void checkLease(Handle h, Lease lease) {
        if (!store.holdsLease(h, lease)) {
            throw new FencedOut(lease);
        }
    }

    /** The summary API clients print as plain text ({@link PlainSummary}); the report keeps its markdown. */
    private static ObjectNode summary(Report r) {
        ObjectNode s = Json.object().put("description", PlainSummary.of(r.description()))
                .put("outcome", PlainSummary.of(r.outcome()));
        var actions = s.putArray("key_actions");
        r.keyActions().forEach(a -> actions.add(PlainSummary.of(a)));
        return s;
    }

    @Override
    public void close() {
        writer.close();
    }
}
