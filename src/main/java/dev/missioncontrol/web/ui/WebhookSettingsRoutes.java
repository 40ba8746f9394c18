package dev.missioncontrol.web.ui;

import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalInt;

/**
 * The notifications section of the settings page: add webhooks, change their URL or whose alerts they get, remove
 * them, send a test. Admins only.
 */
final class WebhookSettingsRoutes implements RouteGroup {
    private final SettingsView view;
    private final BrowserAuth auth;

    WebhookSettingsRoutes(SettingsView view, BrowserAuth auth) {
        this.view = view;
        this.auth = auth;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/settings/notifications/webhooks", auth.admin(this::add));
        routes.post("/settings/notifications/webhooks/{id}/url", auth.admin(this::changeUrl));
        routes.post("/settings/notifications/webhooks/{id}/scope", auth.admin(this::changeScope));
        routes.post("/settings/notifications/webhooks/{id}/remove", auth.admin(this::remove));
        routes.post("/settings/notifications/test", auth.admin(this::sendTest));
        routes.post("/settings/notifications/webhooks/{id}/retry", auth.admin(this::retry));
    }

    /** A generic webhook's signing secret is shown once, on the page the browser is sent to, never in its URL. */
    private void add(Context ctx, Viewer viewer) {
        NotificationSettings.Added added;
        try {
            added = view.notifications().add(viewer.orgId(), ctx.formParam("kind"), ctx.formParam("name"),
                    ctx.formParam("url"), ctx.formParam("repositories"), ctx.formParam("environments"));
        } catch (IllegalArgumentException e) {
            view.renderRefused(ctx, viewer, "add-webhook", refusedField(e, "url"), "Webhook not added: "
                    + e.getMessage());
            return;
        }
        String flash = "Webhook \"" + added.hook().name() + "\" added."
                + (added.secret() == null ? "" : " Copy its signing secret now; it is not shown again.");
        view.back(ctx, new LoginFlash.Shown(flash, null, added.secret()), "notifications");
    }

    /**
     * The form field a refusal names ({@code /url} → {@code url}, {@code /repositories/2} → {@code repositories});
     * {@code otherwise} if none: the field most of the form's refusals are about.
     */
    private static String refusedField(IllegalArgumentException e, String otherwise) {
        String field = e.getCause() instanceof ValidationException v && !v.errors().isEmpty()
                ? v.errors().getFirst().field() : "";
        return field.isEmpty() ? otherwise : field;
    }

    /** A refused URL comes back in the webhook's own form, beside its row; a secret typed is never echoed. */
    private void changeUrl(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("id");
        boolean done;
        try {
            done = view.notifications().changeUrl(viewer.orgId(), id, ctx.formParam("url"), ctx.formParam("secret"));
        } catch (IllegalArgumentException e) {
            view.renderRefused(ctx, viewer, "change-webhook-" + id, refusedField(e, "url"),
                    "Webhook URL not changed: " + e.getMessage());
            return;
        }
        SettingsRoutes.back(ctx, done ? "webhook-changed" : "webhook-unknown", "notifications");
    }

    /** A refused repository or environment name comes back in the webhook's scope form, as typed. */
    private void changeScope(Context ctx, Viewer viewer) {
        String id = ctx.pathParam("id");
        boolean done;
        try {
            done = view.notifications().changeScope(viewer.orgId(), id, ctx.formParam("repositories"),
                    ctx.formParam("environments"));
        } catch (IllegalArgumentException e) {
            view.renderRefused(ctx, viewer, "scope-webhook-" + id, refusedField(e, "repositories"),
                    "Alerts not changed: " + e.getMessage());
            return;
        }
        SettingsRoutes.back(ctx, done ? "webhook-scope-changed" : "webhook-unknown", "notifications");
    }

    private void remove(Context ctx, Viewer viewer) {
        boolean done = view.notifications().remove(viewer.orgId(), ctx.pathParam("id"));
        SettingsRoutes.back(ctx, done ? "webhook-removed" : "webhook-unknown", "notifications");
    }

    private void retry(Context ctx, Viewer viewer) {
        OptionalInt requeued = view.notifications().retryGivenUp(viewer.orgId(), ctx.pathParam("id"));
        String done = requeued.isEmpty() ? "webhook-unknown" : requeued.getAsInt() == 0 ? "retry-none" : "retry-queued";
        SettingsRoutes.back(ctx, done, "notifications");
    }

    /** To the webhook the form names, or to every webhook. */
    private void sendTest(Context ctx, Viewer viewer) {
        String one = ctx.formParam("webhook");
        int queued = view.notifications().sendTest(viewer.orgId(), viewer.user().email(), one);
        String done = queued == 0 ? (one == null ? "test-nowhere" : "webhook-unknown")
                : one == null ? "test-queued" : "test-queued-one";
        SettingsRoutes.back(ctx, done, "notifications");
    }
}
