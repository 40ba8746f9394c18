package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Deployment events. Methods taking a {@link Handle} join the caller's transaction. */
public final class DeploymentStore {
    /** An event joins an open session of the same deployment only within this window (DESIGN.md). */
    static final Duration JOIN_WINDOW = Duration.ofHours(24);
    /** How long after a watch ended a pending or running event of its deployment is taken for late news of it. */
    static final Duration LATE_NEWS = Duration.ofMinutes(10);
    private static final String SELECT = "SELECT d.*, p.repository_full_name, s.status AS session_status, "
            + "s.completed_at AS session_completed_at FROM deployments d JOIN projects p ON p.id = d.project_id "
            + "LEFT JOIN agent_sessions s ON s.id = d.session_id ";

    private final Jdbi jdbi;

    public DeploymentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    String insert(Handle h, String orgId, String projectId, String sessionId, DeploymentInput in, Instant now) {
        String id = Ids.newId();
        h.createUpdate("INSERT INTO deployments (id, org_id, project_id, session_id, deployment_request, status, "
                        + "external_url, commit_sha, commit_message, ref, event_metadata, created_at) VALUES (:id, :org, "
                        + ":project, :session, :request, :status, :url, :sha, :message, :ref, :meta, :at)")
                .bind("id", id).bind("org", orgId).bind("project", projectId).bind("session", sessionId)
                .bind("request", in.deploymentRequest()).bind("status", in.status()).bind("url", in.externalUrl())
                .bind("sha", in.commitSha()).bind("message", in.commitMessage()).bind("ref", in.ref())
                .bind("meta", Json.write(in.eventMetadata())).bind("at", now.toEpochMilli()).execute();
        return id;
    }

    /**
     * The active session of the same deployment: same project, and the same external_url or, without one, the same
     * commit and ref, within the join window, to the same environment. CI posts one run's URL for every job, so a
     * run that deploys to staging and then to production would otherwise watch production under staging's session,
     * judged on staging's signals. An event that names no environment belongs with one that does (CI often names it
     * only on the success). A session that another deployment to the environment overtook is not joined: deploying
     * X, then Y, then X again (a rollback without a run URL, a re-run of X's old run) is a deploy of its own, which
     * the monitor must judge from its own moment, not as late news of the first X.
     */
    Optional<String> findOpenSession(Handle h, String projectId, DeploymentInput in, Instant now) {
        return findSession(h, projectId, in, now, "s.status = 'active'");
    }

    /**
     * The session of the same deployment that ended in the last {@link #LATE_NEWS}, found as {@link #findOpenSession}
     * finds an active one: a pending or running event posted by a parallel CI job after the deployment finished and
     * its watch ended is late news of it, not a deployment to wait 24 hours for. Later, the same run's URL posting
     * again is a re-run, a deployment of its own.
     */
    Optional<String> findEndedSession(Handle h, String projectId, DeploymentInput in, Instant now) {
        return findSession(h, projectId, in, now, "s.status <> 'active' AND s.completed_at >= "
                + now.minus(LATE_NEWS).toEpochMilli());
    }

    /** The statuses of a watch's events, in the order they were recorded. */
    List<String> statusesOf(Handle h, String sessionId) {
        return h.createQuery("SELECT status FROM deployments WHERE session_id = :s ORDER BY created_at, id")
                .bind("s", sessionId).mapTo(String.class).list();
    }

    /** Gives a late event the verdict its session's deployment already has. */
    void copyVerdict(Handle h, String deploymentId, String sessionId) {
        h.createUpdate("UPDATE deployments SET verdict = (SELECT MAX(o.verdict) FROM deployments o "
                        + "WHERE o.session_id = :s AND o.verdict IS NOT NULL) WHERE id = :id")
                .bind("s", sessionId).bind("id", deploymentId).execute();
    }

    private Optional<String> findSession(Handle h, String projectId, DeploymentInput in, Instant now,
            String sessionState) {
        // without a run's URL, the same commit and ref; a deploy posted by hand (missionctl deploy outside CI) names
        // neither URL nor ref, and its repeat is the same deployment too
        String sameDeployment = in.externalUrl() != null ? "d.external_url = :url"
                : "d.external_url IS NULL AND d.commit_sha = :sha AND "
                + (in.ref() != null ? "d.ref = :ref" : "d.ref IS NULL");
        if (in.externalUrl() == null && in.commitSha() == null) {
            return Optional.empty();
        }
        String environment = EnvironmentName.in(in.eventMetadata());
        return h.createQuery("SELECT d.session_id, d.created_at, d.event_metadata FROM deployments d "
                        + "JOIN agent_sessions s ON s.id = d.session_id WHERE d.project_id = :project "
                        + "AND " + sessionState + " AND d.created_at >= :since AND " + sameDeployment
                        + " ORDER BY d.created_at DESC")
                .bind("project", projectId).bind("since", now.minus(JOIN_WINDOW).toEpochMilli())
                .bind("url", in.externalUrl()).bind("sha", in.commitSha()).bind("ref", in.ref())
                .map((rs, ctx) -> new Joinable(rs.getString("session_id"), rs.getLong("created_at"),
                        EnvironmentName.in(Json.read(rs.getString("event_metadata")))))
                .list().stream().filter(j -> namesNoOther(h, j.sessionId(), environment)).findFirst()
                .filter(j -> !overtaken(h, projectId, j, environment)).map(Joinable::sessionId);
    }

    /**
     * Whether no event of the session names another environment than {@code environment}, the joinable event itself
     * included: a run's unnamed pending joined by its staging success makes the session staging's, and the production
     * success must not join it.
     */
    private static boolean namesNoOther(Handle h, String sessionId, String environment) {
        return environment == null || h.createQuery("SELECT event_metadata FROM deployments WHERE session_id = :s")
                .bind("s", sessionId).map((rs, ctx) -> EnvironmentName.in(Json.read(rs.getString("event_metadata"))))
                .list().stream().allMatch(other -> together(environment, other));
    }

    /** An event of a session that may be joined: when it was recorded, to which environment. */
    private record Joinable(String sessionId, long at, String environment) {
    }

    /** Two named environments apart are two deployments; an event naming none goes with either. */
    private static boolean together(String environment, String other) {
        return environment == null || other == null || EnvironmentName.same(environment, other);
    }

    /** Whether the project had a deployment of another session to the environment after the joinable event. */
    private static boolean overtaken(Handle h, String projectId, Joinable j, String environment) {
        return h.createQuery("SELECT event_metadata FROM deployments WHERE project_id = :project "
                        + "AND session_id <> :session AND created_at > :at")
                .bind("project", projectId).bind("session", j.sessionId()).bind("at", j.at())
                .map((rs, ctx) -> EnvironmentName.in(Json.read(rs.getString("event_metadata")))).list().stream()
                .anyMatch(other -> together(environment == null ? j.environment() : environment, other));
    }

    public Optional<Deployment> find(String orgId, String id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.org_id = :org AND d.id = :id")
                .bind("org", orgId).bind("id", id).map(DeploymentStore::row).findOne());
    }

    public List<Deployment> list(DeploymentQuery q) {
        return jdbi.withHandle(h -> q.bindTo(h.createQuery(SELECT + q.where()
                + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")).map(DeploymentStore::row).list());
    }

    /**
     * Where the page of {@code page} rows just newer than {@code first} (a page's first row) starts: after the row
     * newer than all of them, or null when that page is the first.
     */
    public Cursor newerPageStart(DeploymentQuery q, Cursor first, int page) {
        DeploymentQuery all = q.withoutCursor();
        return jdbi.withHandle(h -> all.bindTo(h.createQuery("SELECT d.created_at, d.id FROM deployments d JOIN "
                        + "projects p ON p.id = d.project_id " + all.where() + " AND " + Cursor.newerCondition("d")
                        + " ORDER BY d.created_at ASC, d.id ASC LIMIT 1 OFFSET :page"))
                .bind("nAt", first.createdAt()).bind("nId", first.id()).bind("page", page)
                .map(Cursor::of).findOne().orElse(null));
    }

    /** How many deployments the query's filters match over all its pages. */
    public long count(DeploymentQuery q) {
        DeploymentQuery all = q.withoutCursor();
        return jdbi.withHandle(h -> all.bindTo(h.createQuery("SELECT COUNT(*) FROM deployments d JOIN projects p "
                + "ON p.id = d.project_id " + all.where())).mapTo(Long.class).one());
    }

    /** Deployments of one project, newest first, that landed in [from, to]: the analyst's correlation input. */
    public List<Deployment> forProject(String orgId, String projectId, Instant from, Instant to, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.org_id = :org AND d.project_id = :project "
                        + "AND d.created_at BETWEEN :from AND :to ORDER BY d.created_at DESC LIMIT :limit")
                .bind("org", orgId).bind("project", projectId).bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli()).bind("limit", limit).map(DeploymentStore::row).list());
    }

    /**
     * A project's successful deploys in [from, to], oldest first: the first of them in an environment is the one that
     * replaced what was live there, however many deploys to other environments (previews) came after it.
     */
    public List<Deployment> successesOfProject(String orgId, String projectId, Instant from, Instant to, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.org_id = :org AND d.project_id = :project "
                        + "AND d.status = 'success' AND d.created_at BETWEEN :from AND :to "
                        + "ORDER BY d.created_at, d.id LIMIT :limit")
                .bind("org", orgId).bind("project", projectId).bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli()).bind("limit", limit).map(DeploymentStore::row).list());
    }

    /**
     * The earlier successful deploy of the same commit to the same project and environment that {@code d} repeats,
     * where another watch saw that commit go live and no other commit was deployed there since: a re-run CI job
     * after a failed gate, or the same event posted again once its watch ended. The commit has been live since that
     * deploy, so a watch of the repeat that took the minutes before it as its baseline would compare the harm with
     * itself and pass. Only within {@code lookback}.
     */
    public Optional<Deployment> liveSince(Deployment d, Duration lookback) {
        if (d.commitSha() == null) {
            return Optional.empty();
        }
        List<Deployment> earlier = jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.project_id = :project "
                        + "AND d.status = 'success' AND d.created_at >= :since AND d.created_at < :at "
                        + "ORDER BY d.created_at DESC, d.id DESC")
                .bind("project", d.projectId()).bind("since", d.createdAt().minus(lookback).toEpochMilli())
                .bind("at", d.createdAt().toEpochMilli()).map(DeploymentStore::row).list());
        Deployment first = null;
        for (Deployment e : earlier) {
            if (!EnvironmentName.same(e.environment(), d.environment())) {
                continue;
            }
            if (!d.commitSha().equalsIgnoreCase(String.valueOf(e.commitSha()))) {
                break; // another commit went live in between: the repeat brings this one back
            }
            if (!e.sessionId().equals(d.sessionId())) {
                first = e;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * When the rollout of a successful deploy began: its watch's first {@code running} event, where CI sent one
     * before the success. From then the service ran the new code in part, so the minutes up to the success are
     * neither the old service nor yet the new one.
     */
    public Optional<Instant> rolloutStart(Deployment d) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(created_at) FROM deployments WHERE session_id = :s "
                        + "AND status = 'running' AND created_at < :at")
                .bind("s", d.sessionId()).bind("at", d.createdAt().toEpochMilli()).mapTo(Long.class)
                .findOne().map(Instant::ofEpochMilli));
    }

    /** Up to {@code limit} deployments of {@code d}'s project that came before it, newest first. */
    public List<Deployment> before(Deployment d, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.project_id = :project AND (d.created_at < :at "
                        + "OR d.created_at = :at AND d.id < :id) ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
                .bind("project", d.projectId()).bind("at", d.createdAt().toEpochMilli()).bind("id", d.id())
                .bind("limit", limit).map(DeploymentStore::row).list());
    }

    public List<Deployment> forSession(String sessionId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE d.session_id = :s ORDER BY d.created_at")
                .bind("s", sessionId).map(DeploymentStore::row).list());
    }

    /**
     * Stores the verdict on the session's deployments, in one statement with the check that {@code lease} still
     * holds the session; returns false, changing nothing, when it does not (or the session has no deployment).
     */
    public boolean setVerdict(Lease lease, JsonNode verdict) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE deployments SET verdict = :v WHERE session_id = :s "
                        + "AND EXISTS (SELECT 1 FROM session_jobs j WHERE j.session_id = :s AND j.fence = :fence "
                        + "AND j.lease_owner = :owner)")
                .bind("v", Json.write(verdict)).bind("s", lease.sessionId()).bind("fence", lease.fence())
                .bind("owner", lease.owner()).execute()) > 0;
    }

    /**
     * Writes the verdict the deployments of an ended session show ({@link SettledVerdict}) into their rows where the
     * stored one is not final: a question about to reopen the session must not turn a settled inconclusive back into
     * the last provisional verdict, or move its decided_at to the answer's end.
     */
    public static void settleVerdict(Handle h, AgentSession ended) {
        // read while the session is still ended, each row's verdict is the settled one
        h.createQuery(SELECT + "WHERE d.session_id = :s").bind("s", ended.id()).map(DeploymentStore::row).list()
                .stream().filter(d -> VerdictWait.isFinal(d.verdict()))
                .forEach(d -> h.createUpdate("UPDATE deployments SET verdict = :v WHERE id = :id")
                        .bind("v", Json.write(d.verdict())).bind("id", d.id()).execute());
    }

    static Deployment row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Deployment(rs.getString("id"), rs.getString("org_id"), rs.getString("project_id"),
                rs.getString("repository_full_name"), rs.getString("session_id"),
                rs.getString("deployment_request"), rs.getString("status"), rs.getString("external_url"),
                rs.getString("commit_sha"), rs.getString("commit_message"), rs.getString("ref"),
                Json.read(rs.getString("event_metadata")), SettledVerdict.of(Json.read(rs.getString("verdict")),
                rs.getString("session_status"), instant(rs, "session_completed_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** Keyset cursor for the row, for the next page. */
    static Cursor cursorOf(Deployment d) {
        return Cursor.after(d.createdAt(), d.id());
    }
}
