package dev.missioncontrol.web.ui;

import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.monitor.MonitorSettings;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The organization's settings forms: projects' monitor settings and auto-registration. */
final class OrgSettingsRoutes implements RouteGroup {
    /** More rows than any form the page draws; the loop must end even on a forged request. */
    private static final int MAX_METRICS = 100;

    private final SettingsView view;
    private final BrowserAuth auth;

    OrgSettingsRoutes(SettingsView view, BrowserAuth auth) {
        this.view = view;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/settings/projects", auth.admin(this::addProject));
        routes.post("/settings/projects/{id}", auth.admin(this::saveProject));
        routes.post("/settings/organization", auth.admin(this::saveOrganization));
    }

    /** A project added by hand, for when deployments may not register unknown repositories themselves. */
    private void addProject(Context ctx, Viewer viewer) {
        String repo = ctx.formParam("repository_full_name");
        repo = repo == null ? "" : repo.strip();
        if (repo.length() > Project.MAX_REPOSITORY || !Project.REPOSITORY.matcher(repo).matches()) {
            view.renderRefused(ctx, viewer, "add-project", "repository_full_name",
                    "Project not added: the repository must be owner/name, "
                    + "or group/subgroup/name (letters, digits, '.', '_' and '-'; no part only dots), as deployments "
                    + "name it.");
            return;
        }
        Optional<Project> added = view.orgs().addProject(viewer.orgId(), repo);
        if (added.isEmpty()) {
            view.renderRefused(ctx, viewer, "add-project", "repository_full_name",
                    "Project not added: " + repo + " is already a project.");
            return;
        }
        // at its own settings, which the browser unfolds: a project is added to be set up
        SettingsRoutes.back(ctx, "project-added", "project-" + added.get().id());
    }

    private void saveProject(Context ctx, Viewer viewer) {
        OrgStore orgs = view.orgs();
        Project p = orgs.findProject(viewer.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("project"));
        ProjectSettings form = new ProjectSettings(p.id(), p.repositoryFullName(), p.serviceName(),
                ctx.formParam("prometheus_url"), ctx.formParam("prometheus_step"), ctx.formParam("bake_time"),
                ctx.formParam("warmup"), metrics(ctx), null);
        try {
            MonitorSettings settings = ProjectSettings.parse(form, view.server().destinations(), view.server().bake());
            orgs.updateProjectSettings(viewer.orgId(), p.id(), settings.writeInto(p.settings()));
        } catch (IllegalArgumentException e) {
            view.renderRefused(ctx, viewer, form.withProblem(e.getMessage()));
            return;
        }
        SettingsRoutes.back(ctx, "project-saved", "project-" + p.id());
    }

    /** The metric rows: {@code metric_name_0}, {@code metric_query_0}, … until a row is missing. */
    private static List<ProjectSettings.Metric> metrics(Context ctx) {
        List<ProjectSettings.Metric> rows = new ArrayList<>();
        for (int i = 0; i < MAX_METRICS && ctx.formParam("metric_name_" + i) != null; i++) {
            rows.add(new ProjectSettings.Metric(ctx.formParam("metric_name_" + i), ctx.formParam("metric_query_" + i),
                    ctx.formParam("metric_direction_" + i), ctx.formParam("metric_critical_" + i) != null));
        }
        return rows;
    }

    private void saveOrganization(Context ctx, Viewer viewer) {
        // an unchecked checkbox sends nothing, so absence means off
        view.orgs().setAutoRegister(viewer.orgId(), ctx.formParam("auto_register_projects") != null);
        SettingsRoutes.back(ctx, "org-saved", "projects");
    }
}
