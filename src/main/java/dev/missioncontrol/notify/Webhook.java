package dev.missioncontrol.notify;

import java.time.Instant;
import java.util.Locale;
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
    /** A Slack URL: everything after the first path segment is the credential, whatever the host (a proxy too). */
    private static final Pattern FIRST_SEGMENT = Pattern.compile("(?i)(https?://[^/?#]+/[^/?#]*/?).+");
    /** A path segment that looks generated (a token in Discord's or Teams' webhook paths), not a word. */
    private static final Pattern GENERATED = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z])[^/]{16,}");
    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&#]*");

    /**
     * The URL as lists show it, in the API and on the settings page. A Slack incoming-webhook URL is itself the
     * credential to post into the channel, so its path past the first segment is replaced with an ellipsis; a generic
     * webhook keeps its host and words, but not the tokens chat services put in the path or the query.
     */
    public String shownUrl() {
        Matcher first = FIRST_SEGMENT.matcher(url);
        if (SLACK.equals(kind) || url.toLowerCase(Locale.ROOT).matches("https?://hooks\\.slack\\.com[:/].*")) {
            return first.matches() ? first.group(1) + "…" : url;
        }
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        StringBuilder shown = new StringBuilder();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            shown.append(i == 0 ? "" : "/").append(i > 2 && GENERATED.matcher(parts[i]).matches() ? "…" : parts[i]);
        }
        return query < 0 ? shown.toString() : shown + QUERY_VALUE.matcher(url.substring(query)).replaceAll("=…");
    }
}
