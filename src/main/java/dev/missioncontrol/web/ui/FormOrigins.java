package dev.missioncontrol.web.ui;

import dev.missioncontrol.web.ClientAddress;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The sites a form without a CSRF token (the login form: no session exists yet to hold one) may be posted from: this
 * server as the browser sees it. Behind a reverse proxy that rewrites Host (nginx's default {@code proxy_set_header
 * Host $proxy_host}) the Host header names the upstream, not the page, so the configured {@code --base-url} counts
 * too, and so do X-Forwarded-Proto and X-Forwarded-Host when a trusted proxy ({@code --trusted-proxies}) sent them.
 * From any other peer those headers are ignored: a client can write anything into them.
 */
final class FormOrigins {
    /** The configured public origin, e.g. {@code https://mc.example.com}; empty when none was configured. */
    private final Optional<String> base;

    /** @param baseUrl the {@code --base-url} as configured, or null */
    FormOrigins(String baseUrl) {
        this.base = baseUrl == null || baseUrl.isBlank() ? Optional.empty() : origin(baseUrl);
    }

    /** Whether the request's Origin, if it has one, is this server. */
    boolean allows(Context ctx) {
        String sent = ctx.header("Origin");
        if (sent == null) {
            return true; // not a browser form post, or a browser that sends no Origin: SameSite=Lax still applies
        }
        Optional<String> origin = origin(sent);
        return origin.isPresent() && (origin.equals(base) || origin.equals(forwarded(ctx))
                || authority(sent).equalsIgnoreCase(ctx.host()));
    }

    /** The origin a trusted proxy says the browser used; empty from any other peer or without X-Forwarded-Host. */
    private static Optional<String> forwarded(Context ctx) {
        String host = first(ctx.header("X-Forwarded-Host"));
        if (!ClientAddress.viaTrustedProxy(ctx) || host == null) {
            return Optional.empty();
        }
        String proto = Optional.ofNullable(first(ctx.header("X-Forwarded-Proto"))).orElse(ctx.scheme());
        return origin(proto + "://" + host);
    }

    /** The first entry of a header a chain of proxies may have appended to: the client's side. */
    private static String first(String header) {
        return header == null || header.isBlank() ? null : header.split(",", 2)[0].strip();
    }

    /** "https://mc.example.com" for "https://MC.example.com:443/x": scheme, host, and a port that is not the usual. */
    static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean usual = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "host:port" of an origin, as a Host header would name it; empty when it has no host. */
    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return "";
            }
            return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
