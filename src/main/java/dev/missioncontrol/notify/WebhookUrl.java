package dev.missioncontrol.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a webhook URL posts to, whatever way it is written: {@code HTTP://Host:80/hook?token=X&} posts where
 * {@code http://host/hook?token=X} does, and two webhooks to it would post every alert twice.
 */
final class WebhookUrl {
    private WebhookUrl() {
    }

    /**
     * The URL with its scheme and host in lower case, without a default port, dot segments, a fragment (never sent),
     * empty separators at the end of its query, or a query left empty; an empty path is "/". The path and query keep
     * their case: a receiver may tell {@code /Hook} from {@code /hook}, and a token's letters are its own. A URL that
     * does not parse is returned as it is.
     */
    static String normalised(String url) {
        URI u;
        try {
            u = new URI(url).normalize();
        } catch (URISyntaxException e) {
            return url;
        }
        if (u.getScheme() == null || u.getRawAuthority() == null) {
            return url;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? u.getRawAuthority() : u.getHost();
        int port = u.getPort() == defaultPort(scheme) ? -1 : u.getPort();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String query = u.getRawQuery() == null ? "" : u.getRawQuery().replaceFirst("&+$", "");
        return scheme + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@")
                + host.toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path
                + (query.isEmpty() ? "" : "?" + query);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
