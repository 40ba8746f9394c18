package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.errors.NotFoundException;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import dev.missioncontrol.web.ApiAccess;
import dev.missioncontrol.web.HttpProblem;
import dev.missioncontrol.web.QueryParams;
import dev.missioncontrol.web.RequestBody;
import dev.missioncontrol.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Notification settings of the caller's organization: its webhooks and their delivery log. Webhook URLs reach out of
 * the server, so only admins manage them: an API key needs every scope (as the admin's key printed at first start
 * has), a person signed in to the UI the admin role.
 */
public final class NotificationRoutes implements RouteGroup {
    private static final String HOOKS = "/api/v1/notifications/webhooks";

    private final Webhooks webhooks;
    private final long maxBody;

    public NotificationRoutes(Webhooks webhooks, long maxBody) {
        this.webhooks = webhooks;
        this.maxBody = maxBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(HOOKS, this::create);
        routes.get(HOOKS, this::list);
        routes.patch(HOOKS + "/{id}", this::change);
        routes.delete(HOOKS + "/{id}", this::delete);
        routes.post(HOOKS + "/{id}/retry", this::retry);
        routes.get("/api/v1/notifications/deliveries", this::deliveries);
    }

    private void create(Context ctx) {
        Principal p = requireAdmin(ctx);
        Webhooks.Created made = webhooks.add(p.orgId(), RequestBody.readObject(ctx, maxBody));
        ObjectNode out = describe(made.webhook());
        if (made.secret() != null) {
            out.put("secret", made.secret()); // shown once, like an API key
        }
        ctx.status(201).json(out);
    }

    private void list(Context ctx) {
        Principal p = requireAdmin(ctx);
        List<Webhook> all = webhooks.list(p.orgId());
        Map<String, WebhookHealth> health = webhooks.health(p.orgId());
        ObjectNode out = Json.object();
        all.forEach(w -> out.withArray("results").add(describe(w)
                .set("health", health(health.getOrDefault(w.id(), WebhookHealth.NEVER_CALLED)))));
        out.withArray("results");
        ctx.json(out.put("count", all.size()));
    }

    /** A new URL (and secret) for a webhook; its waiting and given-up notifications go there. */
    private void change(Context ctx) {
        Principal p = requireAdmin(ctx);
        String id = QueryParams.id(ctx, "id", "webhook");
        Webhook changed = webhooks.change(p.orgId(), id, RequestBody.readObject(ctx, maxBody))
                .orElseThrow(() -> new NotFoundException("webhook"));
        ctx.json(describe(changed));
    }

    private void delete(Context ctx) {
        Principal p = requireAdmin(ctx);
        String id = QueryParams.id(ctx, "id", "webhook");
        if (!webhooks.remove(p.orgId(), id)) {
            throw new NotFoundException("webhook");
        }
        ctx.status(204);
    }

    private void retry(Context ctx) {
        Principal p = requireAdmin(ctx);
        String id = QueryParams.id(ctx, "id", "webhook");
        int requeued = webhooks.retryGivenUp(p.orgId(), id).orElseThrow(() -> new NotFoundException("webhook"));
        ctx.json(Json.object().put("requeued", requeued));
    }

    /**
     * The delivery log, newest first, a page at a time ({@code next} is the cursor of the page after, null on the
     * last), of every webhook or one ({@code webhook}), for every deployment or one ({@code deployment}).
     */
    private void deliveries(Context ctx) {
        Principal p = requireAdmin(ctx);
        int limit = QueryParams.limit(ctx, 50, 200);
        var q = new DeliveryQuery(p.orgId(), idFilter(ctx, "webhook"), idFilter(ctx, "deployment"),
                QueryParams.cursor(ctx), limit + 1);
        List<OutboxStore.Delivery> rows = webhooks.deliveries(q);
        List<OutboxStore.Delivery> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? Cursor.after(page.getLast().at(), page.getLast().id()).encode() : null;
        ObjectNode out = Json.object();
        page.forEach(d -> out.withArray("results").add(Json.MAPPER.valueToTree(d)));
        out.withArray("results");
        ctx.json(out.put("count", webhooks.countDeliveries(q)).put("next", next));
    }

    /** An id to filter by, or null when absent; what is not an id names nothing this server made. */
    private static String idFilter(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!Ids.isValid(raw.strip())) {
            throw QueryParams.invalid(name, "must be the id of a " + name);
        }
        return raw.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static ObjectNode describe(Webhook w) {
        ObjectNode out = Json.object().put("id", w.id()).put("kind", w.kind()).put("name", w.name())
                .put("url", w.shownUrl()).put("signed", w.secret() != null)
                .put("created_at", WireTime.format(w.createdAt()));
        return out.setAll((ObjectNode) w.scope().toJson());
    }

    /** Whether the webhook's last attempt failed and why, and how many of its notifications wait or were given up. */
    private static ObjectNode health(WebhookHealth h) {
        return Json.object().put("failing", h.failing())
                .put("last_attempt_at", h.lastAttemptAt() == null ? null : WireTime.format(h.lastAttemptAt()))
                .put("last_error", h.lastError()).put("retrying", h.retrying()).put("gave_up_last_24h", h.gaveUp());
    }

    private static Principal requireAdmin(Context ctx) {
        Principal p = ApiAccess.principal(ctx);
        if (!p.admin()) {
            throw HttpProblem.forbidden("notification settings need an admin: an API key with every scope, or a "
                    + "user with the admin role");
        }
        return p;
    }
}
