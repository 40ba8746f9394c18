package dev.missioncontrol.notify;

import dev.missioncontrol.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** An organization's notification webhooks. Deleting one keeps its row, so its delivery log still names it. */
public final class WebhookStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public WebhookStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Webhook create(String orgId, String kind, String name, String url, String secret) {
        return create(orgId, kind, name, url, secret, AlertScope.EVERY);
    }

    public Webhook create(String orgId, String kind, String name, String url, String secret, AlertScope scope) {
        Webhook w = new Webhook(Ids.newId(clock), orgId, kind, name, url, secret, clock.instant(), scope);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO notification_webhooks (id, org_id, kind, name, url, secret, "
                        + "created_at, repositories, environments) VALUES (:id, :org, :kind, :name, :url, :secret, "
                        + ":at, :repositories, :environments)")
                .bind("id", w.id()).bind("org", orgId).bind("kind", kind).bind("name", name).bind("url", url)
                .bind("secret", secret).bind("at", w.createdAt().toEpochMilli())
                .bind("repositories", AlertScope.write(scope.repositories()))
                .bind("environments", AlertScope.write(scope.environments())).execute());
        return w;
    }

    /** The organization's live webhooks, oldest first. */
    public List<Webhook> list(String orgId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notification_webhooks WHERE org_id = :org "
                        + "AND deleted_at IS NULL ORDER BY created_at, id")
                .bind("org", orgId).map(WebhookStore::row).list());
    }

    /**
     * Returns false when there is no such live webhook in the organization. Its notifications still waiting for a
     * retry are cancelled with it: an admin removes a webhook to stop what is sent there (a leaked URL, a channel that
     * pages the wrong team), not to have it called for another hour.
     */
    public boolean delete(String orgId, String id) {
        return jdbi.inTransaction(h -> {
            boolean removed = h.createUpdate("UPDATE notification_webhooks SET deleted_at = :at "
                            + "WHERE org_id = :org AND id = :id AND deleted_at IS NULL")
                    .bind("at", clock.millis()).bind("org", orgId).bind("id", id).execute() == 1;
            if (removed) {
                h.createUpdate("UPDATE notification_outbox SET state = '" + OutboxStore.CANCELLED
                                + "' WHERE webhook_id = :id AND state = 'pending'")
                        .bind("id", id).execute();
            }
            return removed;
        });
    }

    /**
     * Sets what {@code named} names of a live webhook's URL, secret, name and scope, and nothing else, so that a
     * scope changed on the settings page while an API client rotates the secret cannot write the old secret back.
     * Returns false when there is no such live webhook in the organization. It keeps its id, so its notifications
     * waiting for a retry go to a new URL, and at once when the URL or the secret changed: they were waiting out a
     * backoff the old ones earned. Those given up on stay given up, for the admin to send again. Those a new scope
     * leaves out are dropped at once.
     */
    boolean change(String orgId, String id, WebhookInput to, Set<String> named) {
        Map<String, Object> columns = new LinkedHashMap<>();
        named.forEach(field -> columns.put(field, switch (field) {
            case "url" -> to.url();
            case "secret" -> to.secret();
            case "name" -> to.name();
            case "repositories" -> AlertScope.write(to.scope().repositories());
            default -> AlertScope.write(to.scope().environments());
        }));
        String set = String.join(", ", columns.keySet().stream().map(c -> c + " = :" + c).toList());
        return jdbi.inTransaction(h -> {
            var update = h.createUpdate("UPDATE notification_webhooks SET " + set
                    + " WHERE org_id = :org AND id = :id AND deleted_at IS NULL");
            columns.forEach(update::bind);
            if (update.bind("org", orgId).bind("id", id).execute() != 1) {
                return false;
            }
            if (named.contains("url") || named.contains("secret")) {
                h.createUpdate("UPDATE notification_outbox SET next_attempt_at = :now "
                                + "WHERE webhook_id = :id AND state = 'pending' AND next_attempt_at > :now")
                        .bind("now", clock.millis()).bind("id", id).execute();
            }
            if (named.contains("repositories") || named.contains("environments")) {
                ScopeCheck.dropUncovered(h, id, h.createQuery("SELECT * FROM notification_webhooks WHERE id = :id")
                        .bind("id", id).map(WebhookStore::row).one().scope());
            }
            return true;
        });
    }

    static Webhook row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("org_id"), rs.getString("kind"), rs.getString("name"),
                rs.getString("url"), rs.getString("secret"), Instant.ofEpochMilli(rs.getLong("created_at")),
                new AlertScope(AlertScope.read(rs.getString("repositories")),
                        AlertScope.read(rs.getString("environments"))));
    }
}
