package dev.missioncontrol.notify;

import java.time.Instant;

/**
 * A place degraded and failed verdicts are sent to.
 *
 * @param kind   {@code slack} (an incoming-webhook URL) or {@code webhook} (a signed JSON POST)
 * @param secret the HMAC key of a generic webhook; null for Slack
 */
public record Webhook(String id, String orgId, String kind, String name, String url, String secret,
        Instant createdAt) {
    public static final String SLACK = "slack";
    public static final String GENERIC = "webhook";
}
