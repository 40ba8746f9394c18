package dev.missioncontrol.web.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled JTE templates from src/main/jte; every value is HTML-escaped unless marked otherwise. */
final class Pages {
    /** The status htmx takes for "stop polling": a polled fragment answers it once the login behind it ended. */
    static final int HTMX_STOP_POLLING = 286;
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    /** Renders a whole page or a fragment with status 200. */
    static void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, 200, template, params);
    }

    static void render(Context ctx, int status, String template, Map<String, Object> params) {
        String html = html(template, params);
        // Pages carry the CSRF token and the organization's data: no cache, shared or private, may keep them.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    /** The markup a template renders, as it would be sent. */
    static String html(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /** A page that answers "no" in HTML, for people rather than programs. */
    static void error(Context ctx, Viewer viewer, int status, String title, String detail) {
        render(ctx, status, "error.jte", Map.of("viewer", Viewer.orNone(viewer), "title", title, "detail", detail));
    }
}
