package dev.missioncontrol.net;

import java.net.URI;
import java.util.Optional;

/**
 * A URL as logs and pages may show it: scheme, host, port and path, without the query string and fragment, which
 * carry tokens often enough (a login page's redirect, a proxy's key) that no message repeats them.
 */
public final class ShownUrl {
    private ShownUrl() {
    }

    /** The URL without its query string and fragment; relative ones stay relative; empty for one that cannot be read. */
    public static Optional<String> withoutQuery(String url) {
        try {
            URI u = URI.create(url.strip());
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
            String origin = u.getHost() == null ? "" : u.getScheme() + "://" + u.getHost() + port;
            String shown = origin + path;
            return shown.isEmpty() ? Optional.empty() : Optional.of(shown);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
