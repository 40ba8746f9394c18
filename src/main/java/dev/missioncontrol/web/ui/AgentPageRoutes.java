package dev.missioncontrol.web.ui;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.sessions.Sender;
import dev.missioncontrol.sessions.SessionKind;
import dev.missioncontrol.sessions.SessionQuery;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agents list, a session's page with its live timeline, and the chat and cancel forms on it. */
final class AgentPageRoutes implements RouteGroup {
    /** A session page shows its whole timeline so every event has a working deep link. */
    private static final int MAX_EVENTS = 5_000;
    private static final int MAX_MESSAGE = 20_000;

    private final SessionStore sessions;
    private final DeploymentStore deployments;
    private final SessionService service;
    private final OrgStore orgs;
    private final BrowserAuth auth;

    AgentPageRoutes(SessionStore sessions, DeploymentStore deployments, SessionService service, OrgStore orgs,
            BrowserAuth auth) {
        this.sessions = sessions;
        this.deployments = deployments;
        this.service = service;
        this.orgs = orgs;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/agents", auth.page(this::list));
        routes.get("/agents/{id}", auth.page(this::show));
        routes.get("/agents/{id}/timeline", auth.page(this::timeline));
        routes.post("/agents/{id}/messages", auth.page(this::message));
        routes.post("/agents/{id}/cancel", auth.page(this::cancel));
    }

    private void list(Context ctx, Viewer viewer) {
        SessionStatus status = SessionStatus.parse(ctx.queryParam("status")).orElse(null);
        Cursor cursor = Paging.startOf(ctx);
        var query = new SessionQuery(viewer.orgId(), status == null ? List.of() : List.of(status), null, null,
                cursor, Paging.PAGE + 1);
        List<AgentSession> rows = sessions.list(query);
        Cursor last = rows.size() > Paging.PAGE ? Cursor.after(rows.get(Paging.PAGE - 1).createdAt(),
                rows.get(Paging.PAGE - 1).id()) : null;
        rows = rows.subList(0, Math.min(rows.size(), Paging.PAGE));
        Cursor first = rows.isEmpty() ? cursor : Cursor.after(rows.getFirst().createdAt(), rows.getFirst().id());
        Cursor newer = cursor == null ? null : sessions.newerPageStart(query, first, Paging.PAGE);
        String wire = status == null ? "" : status.wire();
        Paging paging = Paging.of("/agents", Map.of("status", wire), rows.size(), sessions.count(query), last,
                newer, cursor != null);
        Pages.render(ctx, "agents/list.jte", Map.of("viewer", viewer, "sessions", rows, "status", wire,
                "paging", paging));
    }

    private void show(Context ctx, Viewer viewer) {
        AgentSession owned = owned(ctx, viewer);
        List<EventView> events = EventView.all(sessions.events(owned.id(), 0, MAX_EVENTS), viewer);
        AgentSession s = sessions.find(viewer.orgId(), owned.id()).orElse(owned); // as of its events, with context
        String project = s.projectId() == null ? null
                : orgs.findProject(viewer.orgId(), s.projectId()).map(Project::repositoryFullName).orElse(null);
        var page = new SessionPage(s, project, events, verdict(s));
        Pages.render(ctx, "agents/show.jte", Map.of("viewer", viewer, "page", page, "live", live(s, page.lastSeq())));
    }

    /** The events after {@code after}, for the live timeline; the status badge and report ride along out of band. */
    private void timeline(Context ctx, Viewer viewer) {
        AgentSession owned = owned(ctx, viewer);
        long after = parseLong(ctx.queryParam("after"));
        List<EventView> events = EventView.all(sessions.events(owned.id(), after, 500), viewer);
        AgentSession s = asOf(owned, viewer);
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer);
        params.put("session", s);
        params.put("events", events);
        params.put("reportHtml", reportPanel(s, events));
        params.put("live", live(s, events.isEmpty() ? after : events.getLast().seq()));
        params.put("verdict", verdict(s));
        Pages.render(ctx, "timeline/fragment.jte", params);
    }

    /**
     * The verdict state of the deployment a monitor session watches; null for an investigation, which has none and
     * is not asked for one at every pull of its timeline.
     */
    private String verdict(AgentSession s) {
        if (s.kind() != SessionKind.DEPLOY_MONITOR) {
            return null;
        }
        return deployments.forSession(s.id()).stream().reduce((a, b) -> b)
                .map(d -> VerdictView.of(d.verdict()).state()).orElse(null);
    }

    /**
     * What the report panel should show after these events, or null to leave it. The report event carries the
     * markdown (the session row gets it a moment later, when the session completes), so a new one wins. Once the
     * session has ended, the pull that brings its last events also brings the panel: a second tab watching a session
     * that was cancelled or failed would otherwise go on promising a report that never comes. A pull with no new
     * events (a page of an ended session asks now and then) leaves the panel be, and any text selected in it.
     */
    private static String reportPanel(AgentSession s, List<EventView> events) {
        return events.stream().filter(e -> e.type().equals("report")).reduce((a, b) -> b)
                .map(EventView::reportHtml)
                .orElse(s.status().ended() && !events.isEmpty()
                        ? Markdown.toSafeHtml(Redactor.redact(s.report())) : null);
    }

    private void message(Context ctx, Viewer viewer) {
        AgentSession s = owned(ctx, viewer);
        String content = ctx.formParam("content");
        String error = content == null || Validator.looksBlank(content) ? "Write a message first."
                : Validator.longerThan(content, MAX_MESSAGE) ? "A message can be at most 20,000 characters." : null;
        if (error == null) {
            Sender from = Sender.person(viewer.user().id(), viewer.email());
            service.message(viewer.orgId(), s.id(), content.strip(), from);
            // the page pulls the message at once, and follows the reopened session live from there (timeline.js)
            ctx.header("HX-Trigger", "timeline-grew");
        }
        if (ctx.header("HX-Request") != null) {
            // htmx swaps a fresh form in; the message itself arrives on the timeline like every other event.
            Pages.render(ctx, error == null ? 200 : 422, "agents/chat.jte", Map.of("viewer", viewer, "id", s.id(),
                    "error", error == null ? "" : error, "content", error == null ? "" : content));
            return;
        }
        ctx.redirect(s.url() + "#chat", HttpStatus.SEE_OTHER);
    }

    private void cancel(Context ctx, Viewer viewer) {
        AgentSession s = owned(ctx, viewer);
        service.cancel(viewer.orgId(), s.id(), Sender.person(viewer.user().id(), viewer.email()));
        ctx.redirect(s.url(), HttpStatus.SEE_OTHER);
    }

    /**
     * Whether the page should follow the live stream: while the session runs, and after it ended until the page has
     * every event. {@code s} must be read after the page's events, as its ending is written with its last event.
     * Browsers open at most six connections per host, so a page of an ended session must not hold one.
     */
    private boolean live(AgentSession s, long lastSeqOnPage) {
        return !s.status().ended() || !sessions.events(s.id(), lastSeqOnPage, 1).isEmpty();
    }

    /** The session without its context (pasted logs can be tens of megabytes); the session page reads that apart. */
    private AgentSession owned(Context ctx, Viewer viewer) {
        return sessions.findRow(viewer.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("session"));
    }

    /**
     * The session row read again after its events, so that it is at least as new as they are. Read before them, a
     * session that completed in between showed "active" beside its own "Session completed" event, and since the live
     * feed resumes after the events on the page, no later event ever came to correct the badge.
     */
    private AgentSession asOf(AgentSession owned, Viewer viewer) {
        return sessions.findRow(viewer.orgId(), owned.id()).orElse(owned);
    }

    private static long parseLong(String raw) {
        try {
            return raw == null ? 0 : Math.max(0, Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
