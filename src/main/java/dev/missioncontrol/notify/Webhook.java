package dev.missioncontrol.notify;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Slack's incoming-webhook URLs: everything after the first path segment is the credential. */
    private static final Pattern SLACK_URL = Pattern.compile(
            "(?i)(https?://hooks\\.slack\\.com(?::\\d+)?/[^/?#]*/?).+");

    /**
     * The URL as lists show it, in the API and on the settings page: a Slack incoming-webhook URL is itself the
     * credential to post into the channel, so its path past the first segment is replaced with an ellipsis.
     */
    public String shownUrl() {
        Matcher m = SLACK_URL.matcher(url);
        return m.matches() ? m.group(1) + "…" : url;
    }
}
