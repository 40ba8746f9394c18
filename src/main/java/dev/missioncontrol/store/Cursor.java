package dev.missioncontrol.store;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A keyset-pagination position: the (created_at, id) of the last row a page returned. Opaque to clients, so the
 * encoding can change without breaking them.
 */
public record Cursor(long createdAt, String id) {

    public String encode() {
        String raw = createdAt + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor after(Instant createdAt, String id) {
        return new Cursor(createdAt.toEpochMilli(), id);
    }

    /** Empty for a cursor that was not made here; callers answer 422 rather than guess. */
    public static Optional<Cursor> decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            String id = raw.substring(colon + 1);
            return Ids.isValid(id) ? Optional.of(new Cursor(Long.parseLong(raw.substring(0, colon)), id))
                    : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** A cursor at the row a query's created_at and id columns name. */
    public static Cursor of(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Cursor(rs.getLong("created_at"), rs.getString("id"));
    }

    /** The SQL condition for rows before this cursor in newest-first order (newer ones); binds :nAt and :nId. */
    public static String newerCondition(String alias) {
        return "(" + alias + ".created_at > :nAt OR (" + alias + ".created_at = :nAt AND " + alias + ".id > :nId))";
    }

    /** The SQL condition for rows after this cursor in newest-first order; binds :cAt and :cId. */
    public static String condition(String alias) {
        return "(" + alias + ".created_at < :cAt OR (" + alias + ".created_at = :cAt AND " + alias + ".id < :cId))";
    }

    /** Binds the names {@link #condition} uses to this cursor's position. */
    public void bindTo(Query q) {
        q.bind("cAt", createdAt).bind("cId", id);
    }
}
