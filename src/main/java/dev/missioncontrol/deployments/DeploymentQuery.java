package dev.missioncontrol.deployments;

import dev.missioncontrol.store.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/** A filtered, keyset-paginated listing of one organization's deployments, newest first. */
public record DeploymentQuery(String orgId, String repository, String status, Instant since, Instant until,
        Cursor cursor, int limit) {

    /** The same filters from the first page on: what a total counts. */
    DeploymentQuery withoutCursor() {
        return new DeploymentQuery(orgId, repository, status, since, until, null, limit);
    }

    String where() {
        List<String> parts = new ArrayList<>(List.of("d.org_id = :org"));
        if (repository != null) {
            parts.add("LOWER(p.repository_full_name) = LOWER(:repo)"); // one repository whatever its case
        }
        if (status != null) {
            parts.add("d.status = :status");
        }
        if (since != null) {
            parts.add("d.created_at >= :since");
        }
        if (until != null) {
            parts.add("d.created_at < :until");
        }
        if (cursor != null) {
            parts.add(Cursor.condition("d"));
        }
        return "WHERE " + String.join(" AND ", parts);
    }

    Query bindTo(Query q) {
        q.bind("org", orgId).bind("limit", limit).bind("repo", repository).bind("status", status);
        if (since != null) {
            q.bind("since", since.toEpochMilli());
        }
        if (until != null) {
            q.bind("until", until.toEpochMilli());
        }
        if (cursor != null) {
            cursor.bindTo(q);
        }
        return q;
    }
}
