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
 * @param scope  whose alerts it gets
 */
public record Webhook(String id, String orgId, String kind, String name, String url, String secret,
        Instant createdAt, AlertScope scope) {
    public Webhook(String id, String orgId, String kind, String name, String url, String secret, Instant createdAt) {
        this(id, orgId, kind, name, url, secret, createdAt, AlertScope.EVERY);
    }

    public static final String SLACK = "slack";
    public static final String GENERIC = "webhook";
    /** A URL's scheme and host, and the first path segment when it is a plain word ("services", "triggers"). */
    private static final Pattern HOST_AND_WORD = Pattern.compile("(?i)(https?://[^/?#]+/)([A-Za-z]{1,20}/)?.*");
    /**
     * A path segment that looks generated (a token in Discord's or Teams' webhook paths, a catch hook's short id),
     * not a word: letters mixed with digits from six characters on, or anything from 24. An all-digit segment (an
     * account or channel number) stays.
     */
    private static final Pattern GENERATED = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z])[^/]{6,}|[^/]{24,}");
    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&]*");

    /**
     * The URL as lists show it, in the API and on the settings page. A Slack incoming-webhook URL is itself the
     * credential to post into the channel, so all of it past the host and a first plain word is replaced with an
     * ellipsis; a generic webhook keeps its host and words, but not the tokens chat services put in the path, the
     * query or the fragment.
     */
    public String shownUrl() {
        if (SLACK.equals(kind) || url.toLowerCase(Locale.ROOT).matches("https?://hooks\\.slack\\.com[:/].*")) {
            Matcher m = HOST_AND_WORD.matcher(url);
            return m.matches() ? m.group(1) + (m.group(2) == null ? "" : m.group(2)) + "…" : "…";
        }
        int fragment = url.indexOf('#');
        String rest = fragment < 0 ? url : url.substring(0, fragment);
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        StringBuilder shown = new StringBuilder();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            shown.append(i == 0 ? "" : "/").append(i > 2 && GENERATED.matcher(parts[i]).matches() ? "…" : parts[i]);
        }
        if (query >= 0) {
            String q = rest.substring(query);
            shown.append(q.contains("=") ? QUERY_VALUE.matcher(q).replaceAll("=…") : "?…");
        }
        return fragment < 0 ? shown.toString() : shown + "#…";
    }
}
