package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentQuery;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.notify.VerdictAlerts;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployments list and a deployment's page: its verdict, the monitor chart and the table of checks, which the page
 * refreshes while the monitor watches.
 */
final class DeploymentPageRoutes implements RouteGroup {
    private final DeploymentStore deployments;
    private final SessionStore sessions;
    private final NotificationSettings notifications;
    private final BrowserAuth auth;

    DeploymentPageRoutes(DeploymentStore deployments, SessionStore sessions, NotificationSettings notifications,
            BrowserAuth auth) {
        this.deployments = deployments;
        this.sessions = sessions;
        this.notifications = notifications;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/deployments", auth.page(this::list));
        routes.get("/deployments/{id}", auth.page(this::show));
        routes.get("/deployments/{id}/live", this::refresh);
    }

    private void list(Context ctx, Viewer viewer) {
        String repo = blankToNull(ctx.queryParam("repository"));
        Cursor cursor = Paging.startOf(ctx);
        var query = new DeploymentQuery(viewer.orgId(), repo, null, null, null, cursor, Paging.PAGE + 1);
        List<Deployment> found = deployments.list(query);
        Cursor last = found.size() > Paging.PAGE ? Cursor.after(found.get(Paging.PAGE - 1).createdAt(),
                found.get(Paging.PAGE - 1).id()) : null;
        var rows = DeploymentRow.all(found.subList(0, Math.min(found.size(), Paging.PAGE)));
        String shownRepo = repo == null ? "" : repo;
        Cursor first = found.isEmpty() ? cursor : Cursor.after(found.getFirst().createdAt(), found.getFirst().id());
        Cursor newer = cursor == null ? null : deployments.newerPageStart(query, first, Paging.PAGE);
        Paging paging = Paging.of("/deployments", Map.of("repository", shownRepo), rows.size(),
                deployments.count(query), last, newer, cursor != null);
        Pages.render(ctx, "deployments/list.jte", Map.of("viewer", viewer, "deployments", rows,
                "repository", shownRepo, "paging", paging));
    }

    private void show(Context ctx, Viewer viewer) {
        Pages.render(ctx, "deployments/show.jte", Map.of("viewer", viewer, "live", live(ctx, viewer)));
    }

    /**
     * The page's changing part, polled while the verdict is not final: 204 while it still shows what the page has,
     * which leaves the page as it is. A login that ended answers 286, which stops the polling, rather than a redirect
     * whose login page would be swapped into the section.
     */
    private void refresh(Context ctx) {
        Optional<Viewer> viewer = auth.viewer(ctx);
        if (viewer.isEmpty()) {
            ctx.status(Pages.HTMX_STOP_POLLING);
            return;
        }
        DeploymentLive live = live(ctx, viewer.get());
        if (live.version().equals(ctx.queryParam("seen"))) {
            ctx.status(HttpStatus.NO_CONTENT);
            return;
        }
        Pages.render(ctx, "deployments/refresh.jte", Map.of("live", live));
    }

    private DeploymentLive live(Context ctx, Viewer viewer) {
        Deployment d = deployments.find(viewer.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("deployment"));
        String chart = MonitorChart.json(d.createdAt(), d.verdict(), sessions.eventsOfType(d.sessionId(), "check"),
                sessions.eventsOfType(d.sessionId(), "tool_result"));
        return DeploymentLive.of(DeploymentRow.of(d), chart, notified(viewer.orgId(), d));
    }

    /**
     * Who was told of the verdict: of an alert, or of a healthy verdict that ended an earlier deploy's alert; whether
     * any webhook exists matters only for an alert no one was told of. Nothing is sent of any other verdict (a pending
     * one above all, whose page polls every few seconds), so for those nothing is asked.
     */
    private DeploymentLive.Notified notified(String orgId, Deployment d) {
        if (d.verdict() == null || !VerdictAlerts.tells(d.verdict().path("state").asText())) {
            return DeploymentLive.Notified.NOTHING;
        }
        var told = notifications.told(orgId, d.id());
        if (DeploymentLive.alerting(d.verdict())) {
            return new DeploymentLive.Notified(told, !notifications.webhooks(orgId).isEmpty());
        }
        return told.isEmpty() ? DeploymentLive.Notified.NOTHING : new DeploymentLive.Notified(told, true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
