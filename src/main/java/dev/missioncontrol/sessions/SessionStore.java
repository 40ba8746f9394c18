package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Dialect;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Sessions and their timelines. Methods taking a {@link Handle} join the caller's transaction. */
public final class SessionStore {
    static final String LIST_COLUMNS = "s.id, s.org_id, s.project_id, s.kind, s.status, s.title, s.prompt, "
            + "s.summary, s.report, s.picked_up, s.created_at, s.updated_at, s.completed_at, "
            + "(SELECT d.id FROM deployments d WHERE d.session_id = s.id ORDER BY d.created_at LIMIT 1) AS deployment_id";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final TimelineBus bus;

    public SessionStore(Jdbi jdbi, Dialect dialect, TimelineBus bus) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.bus = bus;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Creates the session, its first timeline event and its job in the caller's transaction. */
    public String insert(Handle h, NewSession s, Instant now) {
        String id = Ids.newId();
        h.createUpdate("INSERT INTO agent_sessions (id, org_id, project_id, kind, status, title, prompt, context, "
                        + "created_at, updated_at) VALUES (:id, :org, :project, :kind, 'active', :title, :prompt, "
                        + ":context, :at, :at)")
                .bind("id", id).bind("org", s.orgId()).bind("project", s.projectId()).bind("kind", s.kind().wire())
                .bind("title", s.title()).bind("prompt", s.prompt()).bind("context", Json.write(s.context()))
                .bind("at", now.toEpochMilli()).execute();
        append(h, id, "status", "Session created; the agent is starting", Json.object().put("status", "active"), now);
        h.createUpdate("INSERT INTO session_jobs (session_id, next_run_at) VALUES (:id, :at)")
                .bind("id", id).bind("at", now.toEpochMilli()).execute();
        return id;
    }

    /** Appends one event with the next gapless seq; listeners are woken once the transaction commits. */
    public SessionEvent append(Handle h, String sessionId, String type, String text, JsonNode data, Instant now) {
        long seq = h.createQuery("UPDATE agent_sessions SET last_seq = last_seq + 1, updated_at = :at "
                        + "WHERE id = :id RETURNING last_seq")
                .bind("id", sessionId).bind("at", now.toEpochMilli()).mapTo(Long.class).one();
        h.createUpdate("INSERT INTO session_events (session_id, seq, type, text, data, created_at) "
                        + "VALUES (:id, :seq, :type, :text, :data, :at)")
                .bind("id", sessionId).bind("seq", seq).bind("type", type).bind("text", text)
                .bind("data", Json.write(data)).bind("at", now.toEpochMilli()).execute();
        announce(h, sessionId);
        return new SessionEvent(sessionId, seq, type, text, data, now);
    }

    /** Makes the session due now, creating its job if it had none (an ended session being reopened). */
    public void wake(Handle h, String sessionId, Instant now) {
        h.createUpdate("INSERT INTO session_jobs (session_id, next_run_at) VALUES (:id, :at) "
                        + "ON CONFLICT (session_id) DO UPDATE SET next_run_at = :at")
                .bind("id", sessionId).bind("at", now.toEpochMilli()).execute();
    }

    /** Ends the session and drops its job, which also fences out any worker still holding it. */
    public void finish(Handle h, String sessionId, SessionStatus status, Instant now) {
        h.createUpdate("UPDATE agent_sessions SET status = :status, completed_at = :at, updated_at = :at "
                        + "WHERE id = :id")
                .bind("status", status.wire()).bind("at", now.toEpochMilli()).bind("id", sessionId).execute();
        h.createUpdate("DELETE FROM session_jobs WHERE session_id = :id").bind("id", sessionId).execute();
    }

    public void reopen(Handle h, String sessionId, Instant now) {
        h.createUpdate("UPDATE agent_sessions SET status = 'active', completed_at = NULL, updated_at = :at "
                + "WHERE id = :id").bind("id", sessionId).bind("at", now.toEpochMilli()).execute();
    }

    /** PostgreSQL delivers the notification to every node at commit; SQLite has only this node. */
    void announce(Handle h, String sessionId) {
        if (dialect.isPostgres()) {
            h.createQuery("SELECT pg_notify('mc_timeline', :id)").bind("id", sessionId).mapTo(String.class).one();
        } else {
            h.afterCommit(() -> bus.wake(sessionId));
        }
    }

    public Optional<AgentSession> find(String orgId, String id) {
        return jdbi.withHandle(h -> find(h, orgId, id));
    }

    public Optional<AgentSession> find(Handle h, String orgId, String id) {
        return h.createQuery("SELECT " + LIST_COLUMNS + ", s.context FROM agent_sessions s "
                        + "WHERE s.org_id = :org AND s.id = :id")
                .bind("org", orgId).bind("id", id).map(SessionStore::withContext).findOne();
    }

    /** For the runtime, which works across organizations. */
    public Optional<AgentSession> findAnyOrg(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LIST_COLUMNS + ", s.context FROM agent_sessions s "
                        + "WHERE s.id = :id")
                .bind("id", id).map(SessionStore::withContext).findOne());
    }

    public List<SessionEvent> events(String sessionId, long afterSeq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_events WHERE session_id = :id AND seq > :after "
                        + "ORDER BY seq LIMIT :limit")
                .bind("id", sessionId).bind("after", afterSeq).bind("limit", limit)
                .map(SessionStore::event).list());
    }

    public List<SessionEvent> eventsOfType(String sessionId, String type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_events WHERE session_id = :id "
                        + "AND type = :type ORDER BY seq")
                .bind("id", sessionId).bind("type", type).map(SessionStore::event).list());
    }

    public List<AgentSession> list(SessionQuery q) {
        return jdbi.withHandle(h -> q.bindTo(h.createQuery("SELECT " + LIST_COLUMNS + " FROM agent_sessions s "
                + q.where() + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit")).map(SessionStore::row).list());
    }

    static AgentSession row(ResultSet rs, StatementContext ctx) throws SQLException {
        return build(rs, null);
    }

    static AgentSession withContext(ResultSet rs, StatementContext ctx) throws SQLException {
        return build(rs, Json.read(rs.getString("context")));
    }

    private static AgentSession build(ResultSet rs, JsonNode context) throws SQLException {
        return new AgentSession(rs.getString("id"), rs.getString("org_id"), rs.getString("project_id"),
                SessionKind.parse(rs.getString("kind")).orElseThrow(),
                SessionStatus.parse(rs.getString("status")).orElseThrow(), rs.getString("title"),
                rs.getString("prompt"), context, Json.read(rs.getString("summary")), rs.getString("report"),
                rs.getBoolean("picked_up"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "completed_at"), rs.getString("deployment_id"));
    }

    static SessionEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionEvent(rs.getString("session_id"), rs.getLong("seq"), rs.getString("type"),
                rs.getString("text"), Json.read(rs.getString("data")), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
