package dev.missioncontrol.web.ui;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * The login cookie. The {@code __Host-} prefix makes browsers refuse it unless it is Secure, host-only and on path /,
 * so a sibling subdomain cannot plant or overwrite it. Browsers treat http://localhost and http://127.0.0.1 as secure
 * contexts and accept Secure cookies there, so the same cookie works for local use without TLS.
 */
final class SessionCookie {
    static final String NAME = "__Host-mc_session";
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private SessionCookie() {
    }

    static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    static void set(Context ctx, String token) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + MAX_AGE.toSeconds()
                + "; Secure; HttpOnly; SameSite=Lax");
    }

    static void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }
}
