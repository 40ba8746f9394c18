package dev.missioncontrol.web.ui;

import dev.missioncontrol.store.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the settings page needs from notifications: the organization's webhooks, a test send and the delivery log. The
 * notify feature provides it; App adapts it, so notify never depends on the web layer.
 */
public interface NotificationSettings {
    /** The kinds a webhook can be, as the API names them: a signed JSON POST, or a Slack incoming webhook. */
    List<String> KINDS = List.of("webhook", "slack");

    /**
     * Who was told of a deployment's verdict, one webhook each, for its page.
     *
     * @param state     {@code pending}, {@code delivered}, {@code dead} (given up), {@code cancelled} or
     *                  {@code out_of_scope}
     * @param lastError the last attempt's failure; null when it delivered or none was made yet
     * @param nextAt    when a pending one is tried next
     */
    record Told(String webhook, String state, int attempts, String lastError, Instant nextAt) {
        public boolean pending() {
            return state.equals("pending");
        }

        /** "delivered", "sending", "retrying at 10:42:05 UTC after 2 failed attempts (answered 503)", … */
        public String text() {
            String why = lastError == null ? "" : " (" + lastError + ")";
            return switch (state) {
                case "delivered" -> "delivered";
                case "dead" -> "given up after " + attempts + " failed attempts" + why;
                case "cancelled" -> "not sent: the webhook was removed" + why;
                case "out_of_scope" -> "not sent: the webhook's alerts were limited since to other deploys" + why;
                default -> attempts == 0 ? "sending" : "retrying at " + Format.time(nextAt) + " after " + attempts
                        + (attempts == 1 ? " failed attempt" : " failed attempts") + why;
            };
        }
    }

    /**
     * A webhook as the page lists it; a generic webhook's secret is never listed, only whether it signs.
     *
     * @param scope        whose alerts it gets: "every deploy", or "acme/payments · production"
     * @param repositories the repositories it is limited to, comma-separated as the form takes them; blank for all
     * @param environments the environments it is limited to, comma-separated; blank for all
     */
    record Hook(String id, String kind, String name, String url, boolean signed, Instant createdAt, Health health,
            String scope, String repositories, String environments) {
        public String kindLabel() {
            return label(kind);
        }
    }

    /**
     * How a webhook's deliveries are going: its last attempt, and its notifications waiting for a retry or given up
     * on in the last 24 hours, so a receiver that keeps failing stands out beside its name.
     *
     * @param lastAttemptAt null before its first notification
     * @param lastError     null when the last attempt delivered
     */
    record Health(Instant lastAttemptAt, String lastError, int retrying, int gaveUp) {
        public String badge() {
            return lastAttemptAt == null ? "badge" : lastError == null ? "badge good" : "badge bad";
        }

        public String word() {
            return lastAttemptAt == null ? "not called yet" : lastError == null ? "delivered" : "failing";
        }

        /** "at 10:31: answered 404: no_service; 2 waiting for a retry, 1 given up in 24 h". */
        public String detail() {
            List<String> parts = new ArrayList<>();
            if (lastAttemptAt != null) {
                parts.add(Format.time(lastAttemptAt) + (lastError == null ? "" : ": " + lastError));
            }
            if (retrying > 0) {
                parts.add(retrying + " waiting for a retry");
            }
            if (gaveUp > 0) {
                parts.add(gaveUp + " given up in the last 24 h");
            }
            return String.join("; ", parts);
        }
    }

    /** A webhook just added; {@code secret} is shown this once (null for Slack, which does not sign). */
    record Added(Hook hook, String secret) {
    }

    /**
     * One delivery attempt: when, to which webhook, for which deployment, what it answered and what became of it.
     *
     * @param deploymentId null for a test notification
     * @param outcome      this attempt's own: {@code delivered}, {@code will_retry}, {@code gave_up}, {@code cancelled}
     *                     or {@code out_of_scope}
     * @param nextRetryAt  when the retry it scheduled is due; null unless it will be retried
     * @param state        the notification's state now
     */
    record Delivery(String id, Instant at, String target, Integer statusCode, int attempt, String error, String state,
            String deploymentId, String repository, String outcome, Instant nextRetryAt) {
        public String statusText() {
            return statusCode == null ? "—" : statusCode.toString();
        }

        public String errorText() {
            return error == null ? "" : error;
        }

        /** What the notification was about: a deploy's verdict, or a test. */
        public String subject() {
            return deploymentId == null ? "test" : (repository == null ? "deployment" : repository);
        }

        /**
         * This attempt's own outcome: a notification delivered on its third try lists two failed attempts before it,
         * each marked as failed, the retry it scheduled beside it.
         */
        public String outcomeText() {
            return switch (outcome) {
                case "delivered" -> "delivered";
                case "gave_up" -> "failed, gave up";
                case "cancelled" -> "failed, retry cancelled: webhook removed";
                case "out_of_scope" -> "failed, retry dropped: webhook limited to other deploys since";
                default -> nextRetryAt == null ? "failed, retried" : "failed, retry due " + Format.time(nextRetryAt);
            };
        }

        public String outcomeBadge() {
            return "delivered".equals(outcome) ? "badge good" : "badge bad";
        }

        /** The badge of the notification this attempt belongs to: sent, waiting for a retry, or given up. */
        public String stateBadge() {
            return switch (state) {
                case "delivered" -> "badge good";
                case "dead" -> "badge bad";
                case "cancelled", "out_of_scope" -> "badge";
                default -> "badge warn";
            };
        }
    }

    /** How the page names a kind. */
    static String label(String kind) {
        return "slack".equals(kind) ? "Slack" : "generic, signed JSON";
    }

    List<Hook> webhooks(String orgId);

    /**
     * @param repositories comma-separated; blank for every repository
     * @param environments comma-separated; blank for every environment
     * @throws IllegalArgumentException with a message for the person, when a field is refused
     */
    Added add(String orgId, String kind, String name, String url, String repositories, String environments);

    /**
     * Points the webhook at a new URL, with a new signing secret when {@code secret} is not blank; its waiting and
     * given-up notifications go there. Returns false when there is no such webhook.
     *
     * @throws IllegalArgumentException with a message for the person, when a field is refused
     */
    boolean changeUrl(String orgId, String webhookId, String url, String secret);

    /**
     * Limits the webhook to these repositories and environments (comma-separated; blank for every one); what waits
     * for it about deploys outside them is not sent. Returns false when there is no such webhook.
     *
     * @throws IllegalArgumentException with a message for the person, when a field is refused
     */
    boolean changeScope(String orgId, String webhookId, String repositories, String environments);

    /** Returns false when there is no such webhook. */
    boolean remove(String orgId, String webhookId);

    /**
     * Sends the webhook's notifications given up on in the last 24 hours once more; returns how many, or empty when
     * there is no such webhook.
     */
    OptionalInt retryGivenUp(String orgId, String webhookId);

    /** Queues a signed test delivery to one webhook, or to every one when the id is null; returns how many. */
    int sendTest(String orgId, String requestedBy, String webhookId);

    /** Delivery attempts newest first, from the newest or from after {@code before} when it is not null. */
    List<Delivery> deliveries(String orgId, Cursor before, int limit);

    /** Who was told of the deployment's verdict; empty when nothing was queued for it. */
    List<Told> told(String orgId, String deploymentId);
}
