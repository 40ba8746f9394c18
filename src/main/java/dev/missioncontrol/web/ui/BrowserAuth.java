package dev.missioncontrol.web.ui;

import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.HttpProblem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is logged in to the UI, from the session cookie, and the CSRF rule: every unsafe request a cookie authenticates
 * must echo the session's synchronizer token, in the {@code _csrf} form field or the {@code X-CSRF-Token} header.
 */
public final class BrowserAuth {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String CSRF_FIELD = "_csrf";
    private static final String ATTRIBUTE = "mc.viewer";

    private final WebSessionStore sessions;

    /** A page handler that knows who is looking. */
    @FunctionalInterface
    interface PageHandler {
        void handle(Context ctx, Viewer viewer) throws Exception;
    }

    public BrowserAuth(WebSessionStore sessions) {
        this.sessions = sessions;
    }

    /**
     * A before-handler for /api/v1/*: a browser with a valid login cookie and no Authorization header may use the API
     * as that person, so the session page can read its timeline. Unsafe methods also need the CSRF header, because a
     * cookie is sent by the browser on its own.
     */
    public void authenticateApi(Context ctx) {
        if (ctx.header("Authorization") != null) {
            return;
        }
        Optional<Viewer> viewer = viewer(ctx);
        if (viewer.isEmpty()) {
            return;
        }
        if (unsafe(ctx) && !tokenMatches(ctx.header(CSRF_HEADER), viewer.get())) {
            throw HttpProblem.forbidden("a browser request that changes something must carry the X-CSRF-Token header");
        }
        String cookie = SessionCookie.read(ctx);
        ApiAccess.setPrincipal(ctx, Principal.ofPerson(viewer.get().orgId(), viewer.get().user().id(),
                viewer.get().email(), viewer.get().admin()), () -> sessions.find(cookie).isPresent());
    }

    /** A page for anyone logged in; others are sent to the login page and back. */
    Handler page(PageHandler handler) {
        return ctx -> {
            Optional<Viewer> viewer = viewer(ctx);
            if (viewer.isEmpty()) {
                refuseAnonymous(ctx);
                return;
            }
            if (unsafe(ctx) && !csrfPresent(ctx, viewer.get())) {
                if (fromHtmx(ctx)) {
                    refuseFragment(ctx, 403, "This page's security token is out of date (you logged in again, "
                            + "perhaps in another tab), so this was not sent. Copy your text, reload the page and "
                            + "send it again.");
                    return;
                }
                Pages.error(ctx, viewer.get(), 403, "This form has expired",
                        "The request did not carry this page's security token. Reload the page and try again.");
                return;
            }
            try {
                handler.handle(ctx, viewer.get());
            } catch (NotFoundException e) {
                Pages.error(ctx, viewer.get(), 404, "Not found",
                        "Nothing here: " + e.getMessage() + " in your organization.");
            }
        };
    }

    /** A page only admins may use: keys, users and organization settings. */
    Handler admin(PageHandler handler) {
        return page((ctx, viewer) -> {
            if (!viewer.admin()) {
                Pages.error(ctx, viewer, 403, "Admins only", "Only an admin of your organization can change this.");
                return;
            }
            handler.handle(ctx, viewer);
        });
    }

    Optional<Viewer> viewer(Context ctx) {
        Viewer cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Viewer> found = sessions.find(SessionCookie.read(ctx)).map(Viewer::of);
        found.ifPresent(v -> ctx.attribute(ATTRIBUTE, v));
        return found;
    }

    private static void refuseAnonymous(Context ctx) {
        if (fromHtmx(ctx)) {
            refuseHtmx(ctx);
            return;
        }
        if (ctx.method() == HandlerType.GET) {
            String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Pages.error(ctx, null, 401, "Please log in", "Your login has expired. Log in again and retry.");
    }

    /**
     * htmx follows a redirect inside its own request and swaps what it gets: sent to the login page, the live
     * timeline filled with login forms and then stopped. A read sends the whole page to the login page and back to
     * itself; a post leaves the page as it is, so that what was typed survives, and says why (app.js shows it).
     */
    private static void refuseHtmx(Context ctx) {
        if (ctx.method() == HandlerType.GET) {
            ctx.header("HX-Redirect", "/login?next=" + URLEncoder.encode(shownPage(ctx), StandardCharsets.UTF_8));
        }
        refuseFragment(ctx, 401, "Your login has expired, so this was not sent. Copy your text, log in again in "
                + "another tab, then reload this page and send it.");
    }

    /** The page the browser shows, which htmx names, rather than the fragment it asked for; the dashboard if unsure. */
    static String shownPage(Context ctx) {
        String current = ctx.header("HX-Current-URL");
        try {
            URI uri = new URI(current == null ? "" : current);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** A refusal as plain text, which app.js shows by the form that asked (as text, never as markup). */
    private static void refuseFragment(Context ctx, int status, String message) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }

    private static boolean fromHtmx(Context ctx) {
        return ctx.header("HX-Request") != null;
    }

    private static boolean csrfPresent(Context ctx, Viewer viewer) {
        String header = ctx.header(CSRF_HEADER);
        return tokenMatches(header != null ? header : ctx.formParam(CSRF_FIELD), viewer);
    }

    static boolean tokenMatches(String sent, Viewer viewer) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                viewer.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean unsafe(Context ctx) {
        HandlerType m = ctx.method();
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }
}
