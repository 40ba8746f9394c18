package dev.missioncontrol.web.ui;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.sessions.SessionService;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** Mission Control's pages: login, dashboard, agents, deployments and settings. */
public final class UiRoutes implements RouteGroup {
    private final BrowserAuth auth;
    private final List<RouteGroup> pages;

    /** The features the pages show and change. */
    public record Features(UserStore users, ApiKeyStore keys, OrgStore orgs, SessionStore sessions,
            SessionService sessionService, DeploymentStore deployments) {
    }

    /** @param baseUrl the configured --base-url, or null: the origin login forms may also come from */
    public UiRoutes(WebSessionStore logins, Features f, NotificationSettings notifications, ServerSettings server,
            String baseUrl) {
        auth = new BrowserAuth(logins);
        SettingsView settings = new SettingsView(f.keys(), f.users(), f.orgs(), notifications, server,
                new LoginFlash(logins));
        LoginThrottle throttle = LoginThrottle.defaults();
        pages = List.of(
                new LoginRoutes(f.users(), logins, auth, throttle, new FormOrigins(baseUrl)),
                new PasswordRoutes(settings, logins, auth, throttle),
                new DashboardRoutes(f.sessions(), f.sessionService(), f.deployments(), auth),
                new AgentPageRoutes(f.sessions(), f.deployments(), f.sessionService(), f.orgs(), auth),
                new DeploymentPageRoutes(f.deployments(), f.sessions(), notifications, auth),
                new SettingsRoutes(settings, auth),
                new OrgSettingsRoutes(settings, auth),
                new WebhookSettingsRoutes(settings, auth),
                new ErrorPages(auth));
    }

    /** The before-handler that lets a logged-in browser use /api/v1 (see {@link BrowserAuth#authenticateApi}). */
    public BrowserAuth auth() {
        return auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        pages.forEach(p -> p.register(routes));
    }
}
