package dev.missioncontrol.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Headers every response carries. Pages load scripts only from this origin; nothing may frame them. */
public final class SecurityHeaders {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** A year, the span browsers' preload lists ask for; no includeSubDomains, since sibling hosts are not ours. */
    private static final String HSTS = "max-age=31536000";

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (overHttps(ctx)) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }

    /**
     * Whether the browser reached the server over HTTPS. Behind a TLS-terminating proxy the proxy says so in
     * X-Forwarded-Proto (the first entry is the client's side when proxies chain). A client can forge the header, but
     * browsers ignore Strict-Transport-Security received over plain HTTP, and the login page only uses the answer to
     * warn.
     */
    public static boolean overHttps(Context ctx) {
        String proto = Optional.ofNullable(ctx.header("X-Forwarded-Proto")).orElse(ctx.scheme());
        return proto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT).equals("https");
    }
}
