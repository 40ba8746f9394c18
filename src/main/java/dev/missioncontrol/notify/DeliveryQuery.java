package dev.missioncontrol.notify;

import dev.missioncontrol.store.Cursor;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * A page of one organization's delivery log, newest first: all of it, or one webhook's attempts, or those for one
 * deployment's verdict ("did the alert for this deploy go out?").
 *
 * @param webhookId    null for every webhook
 * @param deploymentId null for every deployment (and the tests)
 * @param cursor       the last attempt of the page before; null for the newest
 */
public record DeliveryQuery(String orgId, String webhookId, String deploymentId, Cursor cursor, int limit) {

    public static DeliveryQuery newest(String orgId, int limit) {
        return new DeliveryQuery(orgId, null, null, null, limit);
    }

    /** The same filters from the first page on: what a total counts. */
    DeliveryQuery withoutCursor() {
        return new DeliveryQuery(orgId, webhookId, deploymentId, null, limit);
    }

    /** Over notification_deliveries {@code d} joined to notification_outbox {@code o}. */
    String where() {
        List<String> parts = new ArrayList<>(List.of("d.org_id = :org"));
        if (webhookId != null) {
            parts.add("d.webhook_id = :hook");
        }
        if (deploymentId != null) {
            parts.add("o.deployment_id = :deployment");
        }
        if (cursor != null) {
            parts.add(Cursor.condition("d"));
        }
        return "WHERE " + String.join(" AND ", parts);
    }

    Query bindTo(Query q) {
        q.bind("org", orgId).bind("limit", limit).bind("hook", webhookId).bind("deployment", deploymentId);
        if (cursor != null) {
            cursor.bindTo(q);
        }
        return q;
    }
}
