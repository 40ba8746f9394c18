package dev.missioncontrol.notify;

import dev.missioncontrol.store.Dialect;
import dev.missioncontrol.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The notification outbox and its delivery log. A notification is claimed with a short lease, so a node that dies
 * mid-delivery leaves it to another node once the lease runs out.
 */
public final class OutboxStore {
    /** The state of a notification whose webhook was removed before it was delivered: it is never sent again. */
    static final String CANCELLED = "cancelled";
    /**
     * The state of a notification about a deploy that its webhook's scope, narrowed after it was queued, no longer
     * covers: it is never sent.
     */
    static final String OUT_OF_SCOPE = "out_of_scope";

    /** How far back the given-up notifications a webhook's health counts, and a retry by hand sends again, reach. */
    static final Duration GIVEN_UP_WINDOW = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    /** One queued notification with where it goes. */
    /** @param leaseUntil the lease this claim took; a node whose lease another node has since taken records nothing */
    record Pending(String id, String orgId, int attempts, String payload, Webhook webhook, String deploymentId,
            long leaseUntil) {
    }

    /**
     * One delivery attempt, as the API and the settings page list it.
     *
     * @param deploymentId       the deployment whose verdict the notification carries; null for a test
     * @param repositoryFullName that deployment's repository; null for a test
     * @param outcome            this attempt's own: {@code delivered}, {@code will_retry}, {@code gave_up}, or
     *                           {@code cancelled} when its webhook was removed before the retry it scheduled, or
     *                           {@code out_of_scope} when its webhook's scope was narrowed before it
     * @param nextRetryAt        when the retry this attempt scheduled is due; null unless it will be retried
     * @param state              the notification's state now, which a later attempt may have changed
     */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(
            com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delivery(String id, String outboxId, String webhookId, String webhookName, int attempt,
            Integer statusCode, String error, long durationMs, Instant at, String state, String deploymentId,
            String repositoryFullName, String outcome, Instant nextRetryAt) {
    }

    public OutboxStore(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Queues a payload for a webhook once per dedupe key; a repeat is ignored. {@code deploymentId} names the
     * deployment whose verdict it carries, for the delivery log; null for a test.
     */
    void enqueue(Webhook w, String dedupeKey, String payload, String deploymentId) {
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO notification_outbox (id, org_id, webhook_id, dedupe_key, "
                        + "payload, state, attempts, next_attempt_at, created_at, deployment_id) VALUES (:id, :org, "
                        + ":hook, :key, :payload, 'pending', 0, :now, :now, :deployment) "
                        + "ON CONFLICT (webhook_id, dedupe_key) DO NOTHING")
                .bind("id", Ids.newId(clock)).bind("org", w.orgId()).bind("hook", w.id()).bind("key", dedupeKey)
                .bind("payload", payload).bind("now", now).bind("deployment", deploymentId).execute());
    }

    /** Claims up to {@code max} due notifications for {@code leaseFor}. */
    List<Pending> claimDue(int max, Duration leaseFor) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            List<String> ids = h.createQuery("SELECT id FROM notification_outbox WHERE state = 'pending' "
                            + "AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < "
                            + dialect.leaseNow() + ") ORDER BY next_attempt_at LIMIT :max" + dialect.skipLocked())
                    .bind("now", now).bind("max", max).mapTo(String.class).list();
            return ids.stream().map(id -> claim(h, id, now, leaseFor)).flatMap(Optional::stream).toList();
        });
    }

    /**
     * Leases one notification, unless its webhook was removed or no longer covers its deploy. A verdict recorded
     * while an admin removed the webhook or narrowed its scope can queue a notification after the change, and one
     * queued earlier may wait for a retry; each is dropped here instead of sent, as cancelled or out of scope.
     */
    private Optional<Pending> claim(Handle h, String id, long now, Duration leaseFor) {
        h.createUpdate("UPDATE notification_outbox SET lease_until = " + dialect.leaseNow() + " + :leaseMs "
                        + "WHERE id = :id")
                .bind("now", now).bind("leaseMs", leaseFor.toMillis()).bind("id", id).execute();
        Claimed claimed = h.createQuery("SELECT o.id AS outbox_id, o.attempts, o.payload, "
                        + "o.lease_until AS outbox_lease_until, w.deleted_at AS webhook_deleted_at, "
                        + ScopeCheck.COLUMNS + ", w.* FROM notification_outbox o "
                        + "JOIN notification_webhooks w ON w.id = o.webhook_id " + ScopeCheck.JOIN + "WHERE o.id = :id")
                .bind("id", id).map(OutboxStore::claimed).one();
        if (claimed.droppedAs() != null) {
            h.createUpdate("UPDATE notification_outbox SET state = :state, lease_until = NULL WHERE id = :id")
                    .bind("state", claimed.droppedAs()).bind("id", id).execute();
            return Optional.empty();
        }
        return Optional.of(claimed.pending());
    }

    /** A claimed row: to be sent, or dropped as {@link #CANCELLED} or {@link #OUT_OF_SCOPE}. */
    private record Claimed(Pending pending, String droppedAs) {
    }

    private static Claimed claimed(ResultSet rs, StatementContext ctx) throws SQLException {
        Pending p = new Pending(rs.getString("outbox_id"), rs.getString("org_id"), rs.getInt("attempts"),
                rs.getString("payload"), WebhookStore.row(rs, ctx), rs.getString("deployment_id"),
                rs.getLong("outbox_lease_until"));
        if (rs.getObject("webhook_deleted_at") != null) {
            return new Claimed(p, CANCELLED);
        }
        return new Claimed(p, ScopeCheck.covers(rs, p.webhook().scope()) ? null : OUT_OF_SCOPE);
    }

    /** Hands a claimed notification back unattempted, so any node may send it now rather than when the lease ends. */
    void release(Pending p) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE notification_outbox SET lease_until = NULL WHERE id = :id "
                        + "AND lease_until = :lease")
                .bind("id", p.id()).bind("lease", p.leaseUntil()).execute());
    }

    /**
     * Records an attempt and moves the notification on: delivered, retried at {@code retryAt}, or dead when
     * {@code retryAt} is null.
     */
    void attempted(Pending p, Integer status, String error, long durationMs, boolean delivered, Instant retryAt) {
        String state = delivered ? "delivered" : retryAt == null ? "dead" : "pending";
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO notification_deliveries (id, org_id, outbox_id, webhook_id, attempt, "
                            + "status_code, error, duration_ms, created_at, retry_at) VALUES (:id, :org, :outbox, "
                            + ":hook, :n, :status, :error, :ms, :at, :retry)")
                    .bind("id", Ids.newId(clock)).bind("org", p.orgId()).bind("outbox", p.id())
                    .bind("hook", p.webhook().id()).bind("n", p.attempts() + 1).bind("status", status)
                    .bind("error", error).bind("ms", durationMs).bind("at", now)
                    .bind("retry", delivered || retryAt == null ? null : retryAt.toEpochMilli()).execute();
            // a notification cancelled or put out of scope while its attempt was in flight stays so: no retry
            // revives it; one whose lease this node lost (stalled past it) belongs to the node that took it, whose
            // outcome stands
            h.createUpdate("UPDATE notification_outbox SET attempts = attempts + 1, lease_until = NULL, "
                            + "next_attempt_at = :next, state = CASE WHEN state IN ('" + CANCELLED + "', '"
                            + OUT_OF_SCOPE + "') THEN state ELSE :state END WHERE id = :id AND lease_until = :lease")
                    .bind("state", state).bind("next", retryAt == null ? now : retryAt.toEpochMilli())
                    .bind("id", p.id()).bind("lease", p.leaseUntil()).execute();
        });
    }

    /**
     * Puts a webhook's notifications given up on in the last 24 hours back in line, due now, for one more attempt
     * each; returns how many. Older ones are left: an alert that late would tell of a deploy long since handled.
     */
    int retryGivenUp(String orgId, String webhookId) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE notification_outbox SET state = 'pending', "
                        + "next_attempt_at = :now, lease_until = NULL WHERE org_id = :org AND webhook_id = :hook "
                        + "AND state = 'dead' AND next_attempt_at >= :since")
                .bind("now", now).bind("org", orgId).bind("hook", webhookId)
                .bind("since", now - GIVEN_UP_WINDOW.toMillis()).execute());
    }

    /** How each of these webhooks' deliveries are going, by webhook id. */
    Map<String, WebhookHealth> health(List<Webhook> webhooks) {
        long dayAgo = clock.millis() - GIVEN_UP_WINDOW.toMillis();
        return jdbi.withHandle(h -> {
            Map<String, WebhookHealth> out = new HashMap<>();
            for (Webhook w : webhooks) {
                WebhookHealth counts = h.createQuery("SELECT COALESCE(SUM(CASE WHEN state = 'pending' AND attempts > 0 "
                                + "THEN 1 ELSE 0 END), 0) AS retrying, COALESCE(SUM(CASE WHEN state = 'dead' AND "
                                + "next_attempt_at >= :since THEN 1 ELSE 0 END), 0) AS gave_up FROM notification_outbox "
                                + "WHERE webhook_id = :hook AND state IN ('pending', 'dead')")
                        .bind("hook", w.id()).bind("since", dayAgo)
                        .map((rs, ctx) -> new WebhookHealth(null, null, rs.getInt("retrying"), rs.getInt("gave_up")))
                        .one();
                out.put(w.id(), h.createQuery("SELECT created_at, error FROM notification_deliveries "
                                + "WHERE webhook_id = :hook ORDER BY created_at DESC, id DESC LIMIT 1")
                        .bind("hook", w.id())
                        .map((rs, ctx) -> new WebhookHealth(Instant.ofEpochMilli(rs.getLong("created_at")),
                                rs.getString("error"), counts.retrying(), counts.gaveUp()))
                        .findOne().orElse(counts));
            }
            return out;
        });
    }

    /**
     * The webhooks that were sent (or are still being sent) the alert of this deployment's verdict; not one whose
     * scope no longer covered the deploy when its turn came.
     */
    Set<String> alerted(String orgId, String deploymentId) {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT webhook_id FROM notification_outbox "
                        + "WHERE org_id = :org AND deployment_id = :deployment AND dedupe_key LIKE :alert "
                        + "AND state <> '" + OUT_OF_SCOPE + "'")
                .bind("org", orgId).bind("deployment", deploymentId).bind("alert", VerdictAlerts.ALERT_KEY + "%")
                .mapTo(String.class).list()));
    }

    /**
     * Who was told of a deployment's verdict: one entry per webhook its notification went to, in the order they were
     * queued.
     *
     * @param state     {@code pending} (not sent yet, or waiting to be retried), {@code delivered}, {@code dead} (given
     *                  up), {@code cancelled} (its webhook was removed first) or {@code out_of_scope} (its webhook's
     *                  scope was narrowed first)
     * @param lastError the last attempt's failure; null when it succeeded or none was made
     * @param nextAt    when a pending one is tried next
     */
    public record Notified(String webhookName, String state, int attempts, String lastError, Instant nextAt) {
    }

    public List<Notified> forDeployment(String orgId, String deploymentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT w.name, o.state, o.attempts, o.next_attempt_at, "
                        + "(SELECT d.error FROM notification_deliveries d WHERE d.outbox_id = o.id "
                        + "ORDER BY d.attempt DESC LIMIT 1) AS last_error FROM notification_outbox o "
                        + "JOIN notification_webhooks w ON w.id = o.webhook_id "
                        + "WHERE o.org_id = :org AND o.deployment_id = :deployment ORDER BY o.created_at, o.id")
                .bind("org", orgId).bind("deployment", deploymentId)
                .map((rs, ctx) -> new Notified(rs.getString("name"), rs.getString("state"), rs.getInt("attempts"),
                        rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                .list());
    }

    /** The organization's newest delivery attempts. */
    public List<Delivery> deliveries(String orgId, int limit) {
        return deliveries(DeliveryQuery.newest(orgId, limit));
    }

    /** The delivery attempts the query selects, newest first. */
    public List<Delivery> deliveries(DeliveryQuery q) {
        return jdbi.withHandle(h -> q.bindTo(h.createQuery("SELECT d.*, w.name, o.state, o.attempts, "
                        + "o.deployment_id, p.repository_full_name FROM notification_deliveries d "
                        + "JOIN notification_webhooks w ON w.id = d.webhook_id "
                        + "JOIN notification_outbox o ON o.id = d.outbox_id "
                        + "LEFT JOIN deployments dep ON dep.id = o.deployment_id "
                        + "LEFT JOIN projects p ON p.id = dep.project_id " + q.where()
                        + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit"))
                .map(OutboxStore::delivery).list());
    }

    /** How many attempts the query's filters select on all its pages. */
    public long countDeliveries(DeliveryQuery q) {
        DeliveryQuery all = q.withoutCursor();
        return jdbi.withHandle(h -> all.bindTo(h.createQuery("SELECT COUNT(*) FROM notification_deliveries d "
                + "JOIN notification_outbox o ON o.id = d.outbox_id " + all.where())).mapTo(Long.class).one());
    }

    private static Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        int code = rs.getInt("status_code");
        Integer status = rs.wasNull() ? null : code;
        long retry = rs.getLong("retry_at");
        Instant retryAt = rs.wasNull() ? null : Instant.ofEpochMilli(retry);
        String outcome = outcome(rs, retryAt);
        return new Delivery(rs.getString("id"), rs.getString("outbox_id"), rs.getString("webhook_id"),
                rs.getString("name"), rs.getInt("attempt"), status, rs.getString("error"), rs.getLong("duration_ms"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("state"), rs.getString("deployment_id"),
                rs.getString("repository_full_name"), outcome, dropped(outcome) ? null : retryAt);
    }

    /**
     * What became of this attempt, not of the notification: the first of three tries answered 500 failed, though
     * the notification was delivered later. An attempt logged before retries were recorded is read by its place:
     * one that is not the notification's last was retried. The last failed attempt of a notification whose webhook
     * was removed, or whose scope was narrowed, scheduled a retry that never comes.
     */
    private static String outcome(ResultSet rs, Instant retryAt) throws SQLException {
        if (rs.getString("error") == null) {
            return "delivered";
        }
        boolean last = rs.getInt("attempt") >= rs.getInt("attempts");
        String state = rs.getString("state");
        if (last && (CANCELLED.equals(state) || OUT_OF_SCOPE.equals(state))) {
            return state;
        }
        return retryAt != null || !last || !"dead".equals(state) ? "will_retry" : "gave_up";
    }

    /** Whether the outcome is a notification dropped before the retry its attempt scheduled. */
    private static boolean dropped(String outcome) {
        return outcome.equals(CANCELLED) || outcome.equals(OUT_OF_SCOPE);
    }
}
