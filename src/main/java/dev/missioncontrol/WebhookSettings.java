package dev.missioncontrol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.notify.DeliveryQuery;
import dev.missioncontrol.notify.OutboxStore;
import dev.missioncontrol.notify.Webhook;
import dev.missioncontrol.notify.WebhookHealth;
import dev.missioncontrol.notify.Webhooks;
import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.web.ui.NotificationSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Adapts notify's webhooks to what the settings page asks for, so notify never depends on the web layer. */
final class WebhookSettings implements NotificationSettings {
    private final Webhooks webhooks;

    WebhookSettings(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public List<Hook> webhooks(String orgId) {
        Map<String, WebhookHealth> health = webhooks.health(orgId);
        return webhooks.list(orgId).stream()
                .map(w -> hook(w, health.getOrDefault(w.id(), WebhookHealth.NEVER_CALLED))).toList();
    }

    @Override
    public Added add(String orgId, String kind, String name, String url, String repositories, String environments) {
        var body = Json.object().put("kind", kind).put("url", url);
        if (name != null && !name.isBlank()) {
            body.put("name", name.strip());
        }
        scope(body, repositories, environments);
        try {
            Webhooks.Created made = webhooks.add(orgId, body);
            return new Added(hook(made.webhook(), WebhookHealth.NEVER_CALLED), made.secret());
        } catch (ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The form's comma-separated lists as the API's arrays; a blank field leaves its side open. */
    private static ObjectNode scope(ObjectNode body, String repositories, String environments) {
        listed(repositories).forEach(body.putArray("repositories")::add);
        listed(environments).forEach(body.putArray("environments")::add);
        return body;
    }

    /** "acme/web, acme/api" as names; a blank field names none. */
    private static List<String> listed(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(n -> !n.isEmpty()).toList();
    }

    @Override
    public boolean changeUrl(String orgId, String webhookId, String url, String secret) {
        var body = Json.object().put("url", url);
        if (secret != null && !secret.isBlank()) {
            body.put("secret", secret.strip());
        }
        return change(orgId, webhookId, body);
    }

    private boolean change(String orgId, String webhookId, ObjectNode body) {
        try {
            return webhooks.change(orgId, webhookId, body).isPresent();
        } catch (ValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public boolean changeScope(String orgId, String webhookId, String repositories, String environments) {
        return change(orgId, webhookId, scope(Json.object(), repositories, environments));
    }

    @Override
    public boolean remove(String orgId, String webhookId) {
        return webhooks.remove(orgId, webhookId);
    }

    @Override
    public OptionalInt retryGivenUp(String orgId, String webhookId) {
        return webhooks.retryGivenUp(orgId, webhookId);
    }

    @Override
    public int sendTest(String orgId, String requestedBy, String webhookId) {
        return webhooks.sendTest(orgId, requestedBy, webhookId);
    }

    @Override
    public List<Delivery> deliveries(String orgId, Cursor before, int limit) {
        return webhooks.deliveries(new DeliveryQuery(orgId, null, null, before, limit)).stream()
                .map(WebhookSettings::delivery).toList();
    }

    @Override
    public List<Told> told(String orgId, String deploymentId) {
        return webhooks.notified(orgId, deploymentId).stream()
                .map(n -> new Told(n.webhookName(), n.state(), n.attempts(), n.lastError(), n.nextAt())).toList();
    }

    private static Hook hook(Webhook w, WebhookHealth h) {
        return new Hook(w.id(), w.kind(), w.name(), w.shownUrl(), w.secret() != null, w.createdAt(),
                new Health(h.lastAttemptAt(), h.lastError(), h.retrying(), h.gaveUp()), w.scope().describe(),
                String.join(", ", w.scope().repositories()), String.join(", ", w.scope().environments()));
    }

    private static Delivery delivery(OutboxStore.Delivery d) {
        return new Delivery(d.id(), d.at(), d.webhookName(), d.statusCode(), d.attempt(), d.error(), d.state(),
                d.deploymentId(), d.repositoryFullName(), d.outcome(), d.nextRetryAt());
    }
}
