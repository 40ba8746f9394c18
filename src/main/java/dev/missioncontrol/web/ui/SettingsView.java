package dev.missioncontrol.web.ui;

import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Organization;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.store.Cursor;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Loads and renders the settings page. A form that changed something redirects back to it, with what to say in a
 * fixed code or the login's flash; a refused form answers with it, as typed.
 */
final class SettingsView {
    /** The delivery log's page; "Older" shows the next, and the API filters by webhook or deployment. */
    private static final int DELIVERIES_SHOWN = 20;

    private final ApiKeyStore keys;
    private final UserStore users;
    private final OrgStore orgs;
    private final NotificationSettings notifications;
    private final ServerSettings server;
    private final LoginFlash flash;

    SettingsView(ApiKeyStore keys, UserStore users, OrgStore orgs, NotificationSettings notifications,
            ServerSettings server, LoginFlash flash) {
        this.keys = keys;
        this.users = users;
        this.orgs = orgs;
        this.notifications = notifications;
        this.server = server;
        this.flash = flash;
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

    ServerSettings server() {
        return server;
    }

    /**
     * Redirects to the settings page, which shows {@code shown} once: what a form created is never on the page its
     * POST answered, so a reload cannot post it again.
     */
    void back(Context ctx, LoginFlash.Shown shown, String section) {
        flash.keep(ctx, shown);
        ctx.redirect("/settings#" + section, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The page as a GET shows it: with what the login's flash holds, or else the message {@code coded} names. */
    void renderAfterRedirect(Context ctx, Viewer viewer, String coded) {
        flash.take(ctx).ifPresentOrElse(shown -> render(ctx, viewer, 200, shown.message(),
                new SettingsPage.ShownOnce(shown.apiKey(), shown.webhookSecret())),
                () -> render(ctx, viewer, 200, coded));
    }

    void render(Context ctx, Viewer viewer, int status, String flash) {
        render(ctx, viewer, status, flash, SettingsPage.ShownOnce.NOTHING);
    }

    void render(Context ctx, Viewer viewer, int status, String flash, SettingsPage.ShownOnce once) {
        render(ctx, viewer, status, flash, once, null, TypedForm.NONE);
    }

    /**
     * The page again with a refused project form as it was typed, its problem beside it, so nothing is lost; the
     * problem takes the focus, which brings the project's form into view from among the others.
     */
    void renderRefused(Context ctx, Viewer viewer, ProjectSettings refused) {
        render(ctx, viewer, 422, refused.repository() + ": " + refused.problem(), SettingsPage.ShownOnce.NOTHING,
                refused, TypedForm.of("project-" + refused.id(), ctx, "problem", refused.problem()));
    }

    /**
     * The page again with a refused form (by its id in the page) as it was typed, so nothing but passwords is lost,
     * and the reason beside {@code field}, the one to correct.
     */
    void renderRefused(Context ctx, Viewer viewer, String form, String field, String problem) {
        render(ctx, viewer, 422, problem, SettingsPage.ShownOnce.NOTHING, null,
                TypedForm.of(form, ctx, field, problem));
    }

    /**
     * The webhooks, and the delivery log from the page the address names ({@code ?deliveries=cursor}); a cursor this
     * server did not issue shows the newest, as a list page does.
     */
    private SettingsPage.Notifications notificationsSection(Context ctx, String org) {
        String raw = ctx.queryParam("deliveries");
        Cursor before = raw == null ? null : Cursor.decode(raw.strip()).orElse(null);
        var found = notifications.deliveries(org, before, DELIVERIES_SHOWN + 1);
        var shown = found.subList(0, Math.min(found.size(), DELIVERIES_SHOWN));
        String older = found.size() > DELIVERIES_SHOWN ? "/settings?deliveries="
                + Cursor.after(shown.getLast().at(), shown.getLast().id()).encode() + "#delivery-log" : null;
        return new SettingsPage.Notifications(notifications.webhooks(org), shown, older,
                before == null ? null : "/settings#delivery-log");
    }

    private void render(Context ctx, Viewer viewer, int status, String flash, SettingsPage.ShownOnce once,
            ProjectSettings refused, TypedForm typed) {
        String org = viewer.orgId();
        boolean autoRegister = orgs.findOrg(org).map(Organization::autoRegisterProjects).orElse(true);
        var sent = notificationsSection(ctx, org);
        var projects = orgs.projects(org).stream()
                .map(p -> refused != null && refused.id().equals(p.id()) ? refused : ProjectSettings.of(p)).toList();
        var page = new SettingsPage(keys.list(org), projects,
                users.list(org), autoRegister, server, sent, once, flash, typed);
        Pages.render(ctx, status, "settings.jte", Map.of("viewer", viewer, "page", page));
    }
}
