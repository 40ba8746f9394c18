package dev.missioncontrol.web.ui;

import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Organization;
import dev.missioncontrol.orgs.UserStore;
import io.javalin.http.Context;
import java.util.Map;

/** Loads and renders the settings page; every settings form answers with it, or redirects back to it. */
final class SettingsView {
    private final ApiKeyStore keys;
    private final UserStore users;
    private final OrgStore orgs;
    private final NotificationSettings notifications;

    SettingsView(ApiKeyStore keys, UserStore users, OrgStore orgs, NotificationSettings notifications) {
        this.keys = keys;
        this.users = users;
        this.orgs = orgs;
        this.notifications = notifications;
    }

    OrgStore orgs() {
        return orgs;
    }

    ApiKeyStore keys() {
        return keys;
    }

    UserStore users() {
        return users;
    }

    NotificationSettings notifications() {
        return notifications;
    }

    void render(Context ctx, Viewer viewer, int status, String flash, String newKey) {
        String org = viewer.orgId();
        boolean autoRegister = orgs.findOrg(org).map(Organization::autoRegisterProjects).orElse(true);
        var page = new SettingsPage(keys.list(org), orgs.projects(org).stream().map(ProjectSettings::of).toList(),
                users.list(org), autoRegister, LlmSettings.of(orgs.settings(org)), notifications.webhooks(org),
                notifications.canSend(), newKey, flash);
        Pages.render(ctx, status, "settings.jte", Map.of("viewer", viewer, "page", page));
    }
}
