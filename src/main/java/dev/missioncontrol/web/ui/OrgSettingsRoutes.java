package dev.missioncontrol.web.ui;

import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;

/** The organization's settings forms: projects' monitor settings, auto-registration, the LLM and notifications. */
final class OrgSettingsRoutes implements RouteGroup {
    private static final int MAX_WEBHOOKS = 20;

    private final SettingsView view;
    private final BrowserAuth auth;

    OrgSettingsRoutes(SettingsView view, BrowserAuth auth) {
        this.view = view;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/settings/projects/{id}", auth.admin(this::saveProject));
        routes.post("/settings/organization", auth.admin(this::saveOrganization));
        routes.post("/settings/llm", auth.admin(this::saveLlm));
        routes.post("/settings/notifications", auth.admin(this::saveWebhooks));
        routes.post("/settings/notifications/test", auth.admin(this::sendTest));
    }

    private void saveProject(Context ctx, Viewer viewer) {
        OrgStore orgs = view.orgs();
        Project p = orgs.findProject(viewer.orgId(), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundException("project"));
        try {
            orgs.updateProjectSettings(viewer.orgId(), p.id(), ProjectSettings.merge(p.settings(),
                    ctx.formParam("queries"), ctx.formParam("bake_time_minutes")));
        } catch (IllegalArgumentException e) {
            view.render(ctx, viewer, 422, p.repositoryFullName() + ": " + e.getMessage(), null);
            return;
        }
        SettingsRoutes.back(ctx, "project-saved", "projects");
    }

    private void saveOrganization(Context ctx, Viewer viewer) {
        // an unchecked checkbox sends nothing, so absence means off
        view.orgs().setAutoRegister(viewer.orgId(), ctx.formParam("auto_register_projects") != null);
        SettingsRoutes.back(ctx, "org-saved", "projects");
    }

    private void saveLlm(Context ctx, Viewer viewer) {
        OrgStore orgs = view.orgs();
        try {
            orgs.updateSettings(viewer.orgId(), LlmSettings.apply(orgs.settings(viewer.orgId()),
                    ctx.formParam("provider"), ctx.formParam("model"), ctx.formParam("base_url"),
                    ctx.formParam("api_key")));
        } catch (IllegalArgumentException e) {
            view.render(ctx, viewer, 422, "LLM: " + e.getMessage(), null);
            return;
        }
        SettingsRoutes.back(ctx, "llm-saved", "llm");
    }

    private void saveWebhooks(Context ctx, Viewer viewer) {
        List<String> urls = SettingsRoutes.lines(ctx.formParam("webhooks"));
        String bad = urls.stream().filter(u -> !isHttpUrl(u)).findFirst().orElse(null);
        if (bad != null || urls.size() > MAX_WEBHOOKS) {
            view.render(ctx, viewer, 422, bad != null ? "Not an http(s) URL: " + bad
                    : "At most " + MAX_WEBHOOKS + " webhooks.", null);
            return;
        }
        view.notifications().saveWebhooks(viewer.orgId(), urls);
        SettingsRoutes.back(ctx, "webhooks-saved", "notifications");
    }

    private void sendTest(Context ctx, Viewer viewer) {
        view.render(ctx, viewer, 200, view.notifications().sendTest(viewer.orgId()), null);
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
