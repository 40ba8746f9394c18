package dev.missioncontrol.web.ui;

import dev.missioncontrol.web.Problems;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * A person who follows a dead link (an old bookmark, a mistyped address, a form's address), whose upload on a form
 * was over the limit, or whose request could not be read, gets a page with the navigation, not the API's JSON
 * problem. Programs that do not ask for HTML,
 * and every /api/ path, keep the problem document.
 */
final class ErrorPages implements RouteGroup {
    private final BrowserAuth auth;

    ErrorPages(BrowserAuth auth) {
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.error(404, "html", ctx -> answer(ctx, "Not found", "There is no page at " + ctx.path() + "."));
        // a form's address opened in the browser, such as a bookmarked POST target
        routes.error(405, "html", ctx -> answer(ctx, "Not a page", ctx.path() + " takes form submissions only; "
                + "go back to the page the form is on."));
        // the problem's detail names the limit; the browser's Back button still holds what was typed
        routes.error(413, "html", ctx -> answer(ctx, "Too large", Objects.requireNonNullElse(Problems.detail(ctx),
                "The request is larger than this server takes.") + " Go back to keep what you typed."));
        // an address with a broken % escape, or a form the browser sent broken: said on a page, not in JSON
        routes.error(400, "html", ctx -> answer(ctx, "Bad request", Objects.requireNonNullElse(Problems.detail(ctx),
                "The request could not be read.") + " Go back and try again."));
    }

    private void answer(Context ctx, String title, String detail) {
        if (ctx.path().startsWith("/api/") || Problems.isPage(ctx)) {
            return;
        }
        Pages.error(ctx, auth.viewer(ctx).orElse(null), ctx.statusCode(), title, detail);
    }
}
