package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Cursor;
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
        announceWork(h);
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

    /** Makes the session due now, creating its job if it had none (a session that ended before jobs were kept). */
    public void wake(Handle h, String sessionId, Instant now) {
        h.createUpdate("INSERT INTO session_jobs (session_id, next_run_at) VALUES (:id, :at) "
                        + "ON CONFLICT (session_id) DO UPDATE SET next_run_at = :at")
                .bind("id", sessionId).bind("at", now.toEpochMilli()).execute();
        announceWork(h);
    }

    /**
     * Ends the session and its job, which also fences out any worker still holding it. The job's row stays, with
     * nothing due: its fence must go on growing when a message reopens the session. A new row would count from zero
     * again, and a worker of the reopened session could be handed the very lease the cancelled one still holds.
     */
    public void finish(Handle h, String sessionId, SessionStatus status, Instant now) {
        h.createUpdate("UPDATE agent_sessions SET status = :status, completed_at = :at, updated_at = :at "
                        + "WHERE id = :id")
                .bind("status", status.wire()).bind("at", now.toEpochMilli()).bind("id", sessionId).execute();
        h.createUpdate("UPDATE session_jobs SET next_run_at = NULL, lease_owner = NULL, lease_expires_at = NULL "
                + "WHERE session_id = :id").bind("id", sessionId).execute();
    }

    public void reopen(Handle h, String sessionId, Instant now) {
        h.createUpdate("UPDATE agent_sessions SET status = 'active', completed_at = NULL, updated_at = :at "
                + "WHERE id = :id").bind("id", sessionId).bind("at", now.toEpochMilli()).execute();
    }

    /**
     * True when the lease still holds the session's job. On PostgreSQL the job row stays locked until the caller's
     * transaction ends, so a node taking the session over waits for this write instead of interleaving with it.
     */
    public boolean holdsLease(Handle h, dev.missioncontrol.agent.Lease lease) {
        if (dialect.isPostgres()) {
            // Lock order is always session row, then job row (as in messages and cancels, which lock the session row
            // as they read it), so they cannot deadlock.
            h.createQuery("SELECT id FROM agent_sessions WHERE id = :id FOR UPDATE").bind("id", lease.sessionId())
                    .mapTo(String.class).findOne();
        }
        return h.createQuery("SELECT fence FROM session_jobs WHERE session_id = :id AND fence = :fence "
                        + "AND lease_owner = :owner" + (dialect.isPostgres() ? " FOR UPDATE" : ""))
                .bind("id", lease.sessionId()).bind("fence", lease.fence()).bind("owner", lease.owner())
                .mapTo(Long.class).findOne().isPresent();
    }

    /** The organization's investigations with a step due that no worker holds; deploy monitors are not counted. */
    public long waitingInvestigations(Handle h, String orgId, Instant now) {
        return h.createQuery("SELECT COUNT(*) FROM session_jobs JOIN agent_sessions s ON s.id = session_id "
                        + "WHERE s.org_id = :org AND s.kind <> 'deploy_monitor' AND " + JobStore.dueUnclaimed(dialect))
                .bind("org", orgId).bind("now", now.toEpochMilli()).mapTo(Long.class).one();
    }

    public long lastSeq(Handle h, String sessionId) {
        return h.createQuery("SELECT last_seq FROM agent_sessions WHERE id = :id").bind("id", sessionId)
                .mapTo(Long.class).one();
    }

    public void saveReport(Handle h, String sessionId, String markdown, JsonNode summary, Instant now) {
        h.createUpdate("UPDATE agent_sessions SET report = :report, summary = :summary, updated_at = :at "
                        + "WHERE id = :id")
                .bind("report", markdown).bind("summary", Json.write(summary)).bind("at", now.toEpochMilli())
                .bind("id", sessionId).execute();
    }

    /** Releases the lease and makes the job due again at {@code until}. */
    public void sleep(Handle h, String sessionId, Instant until) {
        h.createUpdate("UPDATE session_jobs SET lease_owner = NULL, lease_expires_at = NULL, next_run_at = :at "
                + "WHERE session_id = :id").bind("at", until.toEpochMilli()).bind("id", sessionId).execute();
    }

    /** Tells every node's dispatcher, once the transaction commits, that a session is due. */
    void announceWork(Handle h) {
        if (dialect.isPostgres()) {
            h.createQuery("SELECT pg_notify('mc_work', '')").mapTo(String.class).one();
        } else {
            h.afterCommit(bus::workAvailable);
        }
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

    /**
     * The session without its context, which can be tens of megabytes of pasted logs: for the reads that never show
     * it (the timeline, messages, cancelling, the CLI's view), which a page or client repeats while it watches.
     */
    public Optional<AgentSession> findRow(String orgId, String id) {
        return jdbi.withHandle(h -> findRow(h, orgId, id));
    }

    public Optional<AgentSession> findRow(Handle h, String orgId, String id) {
        return selectRow(h, orgId, id, "");
    }

    /**
     * The session row locked until the caller's transaction ends, for a change decided by its status (a message
     * reopening an ended session, a cancel): on PostgreSQL a plain read may see a status another node is changing,
     * and the decision would rest on it after that node committed. SQLite's write transactions hold the database.
     */
    public Optional<AgentSession> findRowToChange(Handle h, String orgId, String id) {
        return selectRow(h, orgId, id, dialect.forUpdate());
    }

    private static Optional<AgentSession> selectRow(Handle h, String orgId, String id, String lock) {
        return h.createQuery("SELECT " + LIST_COLUMNS + " FROM agent_sessions s WHERE s.org_id = :org AND s.id = :id"
                + lock).bind("org", orgId).bind("id", id).map(SessionStore::row).findOne();
    }

    /**
     * Ids of the organization's sessions that start with {@code prefix} (lower-case hex and dashes), at most
     * {@code max}. A range rather than LIKE, so both databases walk the primary key's index.
     */
    public List<String> idsStartingWith(String orgId, String prefix, int max) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM agent_sessions WHERE org_id = :org "
                        + "AND id >= :from AND id < :to ORDER BY id LIMIT :max")
                .bind("org", orgId).bind("from", prefix).bind("to", prefix + "g").bind("max", max)
                .mapTo(String.class).list());
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

    /**
     * Where the page of {@code page} rows just newer than {@code first} (a page's first row) starts: after the row
     * newer than all of them, or null when that page is the first.
     */
    public Cursor newerPageStart(SessionQuery q, Cursor first, int page) {
        SessionQuery all = q.withoutCursor();
        return jdbi.withHandle(h -> all.bindTo(h.createQuery("SELECT s.created_at, s.id FROM agent_sessions s "
                        + all.where() + " AND " + Cursor.newerCondition("s")
                        + " ORDER BY s.created_at ASC, s.id ASC LIMIT 1 OFFSET :page"))
                .bind("nAt", first.createdAt()).bind("nId", first.id()).bind("page", page)
                .map(Cursor::of).findOne().orElse(null));
    }

    /** How many sessions the query's filters match over all its pages. */
    public long count(SessionQuery q) {
        SessionQuery all = q.withoutCursor();
        return jdbi.withHandle(h -> all.bindTo(h.createQuery("SELECT COUNT(*) FROM agent_sessions s " + all.where()))
                .mapTo(Long.class).one());
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
