package dev.missioncontrol.notify;

import java.time.Instant;

/**
 * How a webhook's deliveries are going, shown beside it wherever webhooks are listed: a receiver that keeps failing
 * stands out there, rather than as rows of the delivery log among every other webhook's.
 *
 * @param lastAttemptAt when it was last called; null before its first notification
 * @param lastError     why that attempt failed; null when it delivered
 * @param retrying      its notifications waiting for a retry
 * @param gaveUp        its notifications given up on in the last 24 hours
 */
public record WebhookHealth(Instant lastAttemptAt, String lastError, int retrying, int gaveUp) {
    public static final WebhookHealth NEVER_CALLED = new WebhookHealth(null, null, 0, 0);

    public boolean failing() {
        return lastAttemptAt != null && lastError != null;
    }
}
