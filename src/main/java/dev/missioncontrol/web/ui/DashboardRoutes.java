package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.sessions.SessionInput;
import dev.missioncontrol.sessions.SessionQueueFull;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/** The dashboard, and the new-investigation form on it, which starts a session and opens its page. */
final class DashboardRoutes implements RouteGroup {
    private final SessionStore sessions;
    private final SessionService service;
    private final DeploymentStore deployments;
    private final BrowserAuth auth;

    DashboardRoutes(SessionStore sessions, SessionService service, DeploymentStore deployments, BrowserAuth auth) {
        this.sessions = sessions;
        this.service = service;
        this.deployments = deployments;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", auth.page((ctx, viewer) -> show(ctx, viewer, 200, InvestigationDraft.EMPTY)));
        routes.get("/dashboard/live", this::refresh);
        routes.post("/agents", auth.page(this::start));
    }

    private void show(Context ctx, Viewer viewer, int status, InvestigationDraft draft) {
        DashboardLists lists = DashboardLists.of(viewer.orgId(), sessions, deployments);
        Pages.render(ctx, status, "dashboard.jte", Map.of("viewer", viewer, "lists", lists, "version",
                lists.version(), "draft", draft));
    }

    /**
     * The lists again, polled by the page: 204 while they show what the page has, which leaves it as it is (and the
     * new-investigation form beside them, being typed into, is never part of the answer). A login that ended
     * answers 286, which stops the polling, rather than a redirect whose login page would be swapped in.
     */
    private void refresh(Context ctx) {
        Optional<Viewer> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            ctx.status(Pages.HTMX_STOP_POLLING);
            return;
        }
        DashboardLists lists = DashboardLists.of(viewer.get().orgId(), sessions, deployments);
        String version = lists.version();
        if (version.equals(ctx.queryParam("seen"))) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        Pages.render(ctx, "dashboard/live.jte", Map.of("lists", lists, "version", version));
    }

    private void start(Context ctx, Viewer viewer) {
        String prompt = ctx.formParam("prompt");
        String context = ctx.formParam("context");
        String type = ctx.formParam("session_type");
        SessionInput input;
        try {
            input = SessionInput.from(InvestigationForm.body(prompt, context, type, ctx.uploadedFile("logs_file")));
        } catch (ValidationException e) {
            refused(ctx, viewer, 422, e.getMessage(), fieldOf(e));
            return;
        }
        AgentSession s;
        try {
            s = sessions.jdbi().inTransaction(h -> service.start(h, viewer.orgId(), input));
        } catch (SessionQueueFull e) {
            refused(ctx, viewer, 429, e.getMessage(), "");
            return;
        }
        ctx.redirect(s.url(), HttpStatus.SEE_OTHER);
    }

    /**
     * The form again as it was typed, with why it was refused. A browser never fills a file input back in, so a file
     * that was attached is named, or the corrected form would start an investigation without its logs.
     */
    private void refused(Context ctx, Viewer viewer, int status, String why, String field) {
        var file = ctx.uploadedFile("logs_file");
        String again = file == null || file.filename() == null || file.filename().isBlank() ? ""
                : " Attach " + file.filename() + " again: the form cannot keep a file.";
        String type = ctx.formParam("session_type");
        show(ctx, viewer, status, new InvestigationDraft(nullToEmpty(ctx.formParam("prompt")),
                nullToEmpty(ctx.formParam("context")), "general".equals(type), why + again, field));
    }

    /** The form's field a refusal is about: the prompt, or the context (which its file goes into); else none. */
    private static String fieldOf(ValidationException e) {
        String field = e.errors().getFirst().field();
        return field.equals("prompt") || field.equals("context") ? field : "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
