package dev.missioncontrol.sessions;

import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.agent.WorkQueue;
import dev.missioncontrol.store.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable job table as a work queue. A claim bumps the fencing counter; PostgreSQL nodes skip rows another node
 * is claiming, and SQLite serializes claims with BEGIN IMMEDIATE.
 */
public final class JobStore implements WorkQueue {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    public JobStore(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * A session with a step due that no live worker holds: what a worker claims, and what waits for one. The step is
     * due by the caller's clock ({@code :now}), as it scheduled it; the lease ran out by the lease clock.
     */
    static String dueUnclaimed(Dialect dialect) {
        return "next_run_at <= :now AND (lease_owner IS NULL OR lease_expires_at < " + dialect.leaseNow() + ")";
    }

    @Override
    public List<Lease> claimDue(String owner, int max, Duration leaseFor) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            // a due row that still names an owner is one whose lease expired: that node stopped without giving it back
            List<Lease> due = h.createQuery("SELECT session_id, lease_owner FROM session_jobs WHERE "
                            + dueUnclaimed(dialect) + " ORDER BY next_run_at LIMIT :max" + dialect.skipLocked())
                    .bind("now", now).bind("max", max)
                    .map((rs, ctx) -> new Lease(rs.getString("session_id"), owner, 0, rs.getString("lease_owner")))
                    .list();
            return due.stream().map(l -> new Lease(l.sessionId(), owner, take(h, l.sessionId(), owner, now, leaseFor),
                    l.resumedFrom())).toList();
        });
    }

    /** Takes the session for {@code owner} and returns the new fence. */
    private long take(Handle h, String sessionId, String owner, long now, Duration leaseFor) {
        return h.createQuery("UPDATE session_jobs SET lease_owner = :owner, lease_expires_at = " + dialect.leaseNow()
                        + " + :leaseMs, fence = fence + 1 WHERE session_id = :id RETURNING fence")
                .bind("owner", owner).bind("now", now).bind("leaseMs", leaseFor.toMillis()).bind("id", sessionId)
                .mapTo(Long.class).one();
    }

    @Override
    public boolean heartbeat(Lease lease, Duration leaseFor) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE session_jobs SET lease_expires_at = "
                        + dialect.leaseNow() + " + :leaseMs "
                        + "WHERE session_id = :id AND fence = :fence AND lease_owner = :owner")
                .bind("now", clock.millis()).bind("leaseMs", leaseFor.toMillis()).bind("id", lease.sessionId())
                .bind("fence", lease.fence()).bind("owner", lease.owner()).execute()) == 1;
    }

    @Override
    public void release(Lease lease, Duration delay) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE session_jobs SET lease_owner = NULL, lease_expires_at = NULL, "
                        + "next_run_at = :at WHERE session_id = :id AND fence = :fence AND lease_owner = :owner")
                .bind("at", clock.millis() + delay.toMillis()).bind("id", lease.sessionId())
                .bind("fence", lease.fence()).bind("owner", lease.owner()).execute());
    }

    /**
     * Expires every lease, when the server knows it is the only one and the holders are gone (an SQLite restart). The
     * owners stay, so the next claim knows the session was held by a process that died rather than given back.
     */
    public static void releaseAll(Jdbi jdbi) {
        jdbi.useHandle(h -> h.execute("UPDATE session_jobs SET lease_expires_at = 0 WHERE lease_owner IS NOT NULL"));
    }
}
