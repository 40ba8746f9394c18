package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentQuery;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The deployments list and a deployment's page: its verdict, the monitor chart and the table of checks. */
final class DeploymentPageRoutes implements RouteGroup {
    private final DeploymentStore deployments;
    private final SessionStore sessions;
    private final BrowserAuth auth;

    DeploymentPageRoutes(DeploymentStore deployments, SessionStore sessions, BrowserAuth auth) {
        this.deployments = deployments;
        this.sessions = sessions;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/deployments", auth.page(this::list));
        routes.get("/deployments/{id}", auth.page(this::show));
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
        Paging paging = Paging.of("/deployments", Map.of("repository", shownRepo), rows.size(),
                deployments.count(query), last, cursor != null);
        Pages.render(ctx, "deployments/list.jte", Map.of("viewer", viewer, "deployments", rows,
                "repository", shownRepo, "paging", paging));
    }

    private void show(Context ctx, Viewer viewer) {
        Deployment d = deployments.find(viewer.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("deployment"));
        String chart = MonitorChart.json(d.createdAt(), d.verdict(), sessions.eventsOfType(d.sessionId(), "check"));
        Pages.render(ctx, "deployments/show.jte", Map.of("viewer", viewer, "row", DeploymentRow.of(d),
                "chart", chart));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
