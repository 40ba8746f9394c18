package dev.missioncontrol.sessions;

import dev.missioncontrol.store.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * A filtered, keyset-paginated listing of one organization's sessions, newest first.
 *
 * @param pickedUp null, or only active sessions a worker has (true) or has not yet (false) picked up: the Cased CLI's
 *                 {@code agent_running} and {@code created}
 */
public record SessionQuery(String orgId, List<SessionStatus> statuses, SessionKind kind, Instant since,
        Cursor cursor, int limit, Boolean pickedUp) {

    public SessionQuery(String orgId, List<SessionStatus> statuses, SessionKind kind, Instant since, Cursor cursor,
            int limit) {
        this(orgId, statuses, kind, since, cursor, limit, null);
    }

    /** The same filters from the first page on: what a total counts. */
    SessionQuery withoutCursor() {
        return new SessionQuery(orgId, statuses, kind, since, null, limit, pickedUp);
    }

    String where() {
        List<String> parts = new ArrayList<>(List.of("s.org_id = :org"));
        if (!statuses.isEmpty()) {
            parts.add("s.status IN (<statuses>)");
        }
        if (kind != null) {
            parts.add("s.kind = :kind");
        }
        if (since != null) {
            parts.add("s.created_at >= :since");
        }
        if (cursor != null) {
            parts.add(Cursor.condition("s"));
        }
        if (pickedUp != null) {
            parts.add("s.picked_up = :pickedUp");
        }
        return "WHERE " + String.join(" AND ", parts);
    }

    Query bindTo(Query q) {
        q.bind("org", orgId).bind("limit", limit);
        if (!statuses.isEmpty()) {
            q.bindList("statuses", statuses.stream().map(SessionStatus::wire).toList());
        }
        if (kind != null) {
            q.bind("kind", kind.wire());
        }
        if (since != null) {
            q.bind("since", since.toEpochMilli());
        }
        if (cursor != null) {
            cursor.bindTo(q);
        }
        if (pickedUp != null) {
            q.bind("pickedUp", pickedUp);
        }
        return q;
    }
}
