package dev.missioncontrol.sessions;

import dev.missioncontrol.store.Dialect;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes finished history past its retention ({@code --history-retention}): sessions that ended before it, with
 * their timelines, jobs and deployments, and the notifications sent for those deployments with their delivery
 * attempts. Without it, every timeline event and delivery attempt is kept for as long as the database lives.
 */
public final class SessionHistoryStore {
    /** Sessions deleted per transaction, so that SQLite's one writer is never held for long. */
    private static final int BATCH = 200;
    private static final String OF_DEPLOYMENTS = "SELECT id FROM notification_outbox WHERE state <> 'pending' "
            + "AND deployment_id IN (SELECT id FROM deployments WHERE session_id IN (<ids>))";

    private final Jdbi jdbi;
    private final Dialect dialect;

    public SessionHistoryStore(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** Deletes what finished before {@code before}; returns how many sessions went. */
    public int purgeFinishedBefore(Instant before) {
        long cutoff = before.toEpochMilli();
        int total = 0;
        int deleted;
        do {
            deleted = jdbi.inTransaction(h -> purgeBatch(h, cutoff));
            total += deleted;
        } while (deleted == BATCH);
        jdbi.useTransaction(h -> purgeUnattachedNotifications(h, cutoff));
        return total;
    }

    private int purgeBatch(Handle h, long cutoff) {
        // A session a message reopens at this moment holds its row on PostgreSQL and is skipped; SQLite runs one
        // write transaction at a time, so there it is either reopened first (and no longer finished) or deleted.
        List<String> ids = h.createQuery("SELECT id FROM agent_sessions WHERE status <> 'active' "
                        + "AND completed_at < :cutoff ORDER BY completed_at LIMIT " + BATCH
                        + (dialect.isPostgres() ? " FOR UPDATE SKIP LOCKED" : ""))
                .bind("cutoff", cutoff).mapTo(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        delete(h, "DELETE FROM notification_deliveries WHERE outbox_id IN (" + OF_DEPLOYMENTS + ")", ids);
        delete(h, "DELETE FROM notification_outbox WHERE id IN (" + OF_DEPLOYMENTS + ")", ids);
        delete(h, "DELETE FROM deployments WHERE session_id IN (<ids>)", ids);
        delete(h, "DELETE FROM session_events WHERE session_id IN (<ids>)", ids);
        delete(h, "DELETE FROM session_jobs WHERE session_id IN (<ids>)", ids);
        delete(h, "DELETE FROM agent_sessions WHERE id IN (<ids>)", ids);
        return ids.size();
    }

    /**
     * The notifications of no deployment: test notifications sent from the settings page, and alerts still pending
     * when their deployment's session was deleted (a retry asked for late), which are sent all the same and, once
     * settled, would otherwise be kept for good.
     */
    private static void purgeUnattachedNotifications(Handle h, long cutoff) {
        String old = "SELECT id FROM notification_outbox o WHERE (o.deployment_id IS NULL OR NOT EXISTS "
                + "(SELECT 1 FROM deployments d WHERE d.id = o.deployment_id)) AND o.state <> 'pending' "
                + "AND o.created_at < :cutoff";
        h.createUpdate("DELETE FROM notification_deliveries WHERE outbox_id IN (" + old + ")")
                .bind("cutoff", cutoff).execute();
        h.createUpdate("DELETE FROM notification_outbox WHERE id IN (" + old + ")").bind("cutoff", cutoff).execute();
    }

    private static void delete(Handle h, String sql, List<String> ids) {
        h.createUpdate(sql).bindList("ids", ids).execute();
    }
}
