package dev.missioncontrol.web.ui;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.orgs.User;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.web.ClientAddress;
import dev.missioncontrol.web.RouteGroup;
import dev.missioncontrol.web.SecurityHeaders;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Logging in and out. Passwords are checked by {@link UserStore#login}; the login lives in web_sessions. */
final class LoginRoutes implements RouteGroup {
    private final UserStore users;
    private final WebSessionStore sessions;
    private final BrowserAuth auth;
    private final LoginThrottle throttle;
    private final FormOrigins origins;

    LoginRoutes(UserStore users, WebSessionStore sessions, BrowserAuth auth, LoginThrottle throttle,
            FormOrigins origins) {
        this.users = users;
        this.sessions = sessions;
        this.auth = auth;
        this.throttle = throttle;
        this.origins = origins;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/login", this::form);
        routes.post("/login", this::login);
        routes.post("/logout", auth.page((ctx, viewer) -> logout(ctx)));
    }

    private void form(Context ctx) {
        if (auth.viewer(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, "", "");
    }

    private void login(Context ctx) {
        // No session exists yet to hold a CSRF token, so a cross-site login attempt is refused by its Origin.
        if (!origins.allows(ctx)) {
            show(ctx, 403, "", "This login form was sent from another site and was refused.");
            return;
        }
        String email = ctx.formParam("email");
        String address = ClientAddress.limitKey(ctx);
        OptionalLong wait = throttle.attempt(address, email);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            show(ctx, 429, email, "Too many login attempts. Wait " + wait.getAsLong() + " seconds and try again.");
            return;
        }
        Optional<User> user = users.login(email, Optional.ofNullable(ctx.formParam("password")).orElse(""));
        if (user.isEmpty()) {
            show(ctx, 401, email, "That email and password do not match an account.");
            return;
        }
        throttle.succeeded(address, email);
        sessions.deleteExpired();
        SessionCookie.set(ctx, sessions.create(user.get()).token());
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.delete(SessionCookie.read(ctx));
        SessionCookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String email, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("email", email == null ? "" : email);
        params.put("error", error);
        params.put("next", safeNext(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next")));
        params.put("insecure", !SecurityHeaders.overHttps(ctx) && !Loopback.is(ctx.host()));
        Pages.render(ctx, status, "login.jte", params);
    }

    /** Only a path on this server, never another site: an open redirect would lend our name to phishing. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
