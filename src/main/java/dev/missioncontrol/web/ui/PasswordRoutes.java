package dev.missioncontrol.web.ui;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.orgs.PasswordRule;
import dev.missioncontrol.web.ClientAddress;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalLong;

/**
 * Changing one's own password: the current one first (a borrowed, unlocked browser is not enough), then the new one
 * twice. Wrong guesses at the current password count against the same per-account budget as logins, and every
 * other login of the person ends, so whoever knew the old password is out.
 */
final class PasswordRoutes implements RouteGroup {
    private final SettingsView view;
    private final WebSessionStore logins;
    private final BrowserAuth auth;
    private final LoginThrottle throttle;

    PasswordRoutes(SettingsView view, WebSessionStore logins, BrowserAuth auth, LoginThrottle throttle) {
        this.view = view;
        this.logins = logins;
        this.auth = auth;
        this.throttle = throttle;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/settings/password", auth.page(this::change));
    }

    private void change(Context ctx, Viewer viewer) {
        String address = ClientAddress.limitKey(ctx);
        OptionalLong wait = throttle.attempt(address, viewer.user().email());
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            view.render(ctx, viewer, 429, "Too many attempts. Wait " + wait.getAsLong() + " seconds and try again.");
            return;
        }
        String current = ctx.formParam("current_password");
        if (current == null || view.users().login(viewer.user().email(), current).isEmpty()) {
            view.renderRefused(ctx, viewer, "change-password", "current_password",
                    "Your current password is not right.");
            return;
        }
        throttle.succeeded(address, viewer.user().email()); // only a wrong current password was a guess
        String problem = problem(ctx.formParam("new_password"), ctx.formParam("repeat_password"));
        if (problem != null) {
            view.renderRefused(ctx, viewer, "change-password", "new_password", problem);
            return;
        }
        view.users().setPassword(viewer.user().id(), ctx.formParam("new_password"));
        logins.endOthers(viewer.user().id(), SessionCookie.read(ctx));
        SettingsRoutes.back(ctx, "password-changed", "account");
    }

    private static String problem(String next, String repeated) {
        if (PasswordRule.problem(next).isPresent()) {
            return "The new password " + PasswordRule.problem(next).get() + ".";
        }
        return next.equals(repeated) ? null : "The two new passwords differ.";
    }
}
