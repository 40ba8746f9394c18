package dev.missioncontrol.notify;

import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.store.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Whether a queued notification's deploy is still one its webhook's scope covers: checked when its turn comes, and
 * for all that wait when an admin narrows the scope. The deploy is read from the notification's deployment row
 * (its repository and environment do not change); a test names none and is always covered.
 */
final class ScopeCheck {
    /** Joins a notification ({@code o}) to what its scope is checked against; select {@link #COLUMNS} with it. */
    static final String JOIN = "LEFT JOIN deployments dep ON dep.id = o.deployment_id "
            + "LEFT JOIN projects p ON p.id = dep.project_id ";
    static final String COLUMNS = "o.deployment_id, dep.id AS deployment_row, "
            + "dep.event_metadata AS deployment_metadata, p.repository_full_name AS deployment_repository";

    private ScopeCheck() {
    }

    /**
     * Whether {@code scope} covers the notification of the current row. One whose deployment the history retention
     * deleted is covered only by a scope that covers every deploy: which deploy it was can no longer be told.
     */
    static boolean covers(ResultSet rs, AlertScope scope) throws SQLException {
        if (rs.getString("deployment_id") == null) {
            return true;
        }
        if (rs.getString("deployment_row") == null) {
            return scope.everything();
        }
        return scope.covers(rs.getString("deployment_repository"),
                EnvironmentName.in(Json.read(rs.getString("deployment_metadata"))));
    }

    /**
     * Drops, as out of scope, the webhook's notifications waiting for a first attempt or a retry about deploys
     * {@code scope} leaves out: narrowed, its channel stops hearing of them at once, not when a retry hours away
     * comes round, and neither the deployment page nor the webhook's health counts them as retrying meanwhile.
     */
    static void dropUncovered(Handle h, String webhookId, AlertScope scope) {
        List<String> uncovered = h.createQuery("SELECT o.id AS outbox_id, " + COLUMNS
                        + " FROM notification_outbox o " + JOIN + "WHERE o.webhook_id = :hook AND o.state = 'pending'")
                .bind("hook", webhookId).map((rs, ctx) -> covers(rs, scope) ? null : rs.getString("outbox_id"))
                .list().stream().filter(Objects::nonNull).toList();
        for (String id : uncovered) {
            h.createUpdate("UPDATE notification_outbox SET state = '" + OutboxStore.OUT_OF_SCOPE + "' "
                    + "WHERE id = :id AND state = 'pending'").bind("id", id).execute();
        }
    }
}
