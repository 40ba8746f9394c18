package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An organization's webhooks as people manage them, through the API or the settings page: add or change the URL (it
 * passes the SSRF guard first), list, remove, send a test, read the delivery log. Every send goes through the outbox,
 * so a test is signed, retried and logged exactly like a verdict.
 */
public final class Webhooks {
    private final WebhookStore store;
    private final OutboxStore outbox;
    private final Destinations destinations;
    private final Clock clock;

    /** A webhook just added; {@code secret} is its signing secret, shown this once (null for Slack). */
    public record Created(Webhook webhook, String secret) {
    }

    public Webhooks(WebhookStore store, OutboxStore outbox, Destinations destinations, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.destinations = destinations;
        this.clock = clock;
    }

    /**
     * Adds a webhook from {@code {"kind", "url", "name", "secret", "repositories", "environments"}}.
     *
     * @throws dev.missioncontrol.errors.ValidationException naming the refused field
     */
    public Created add(String orgId, JsonNode body) {
        WebhookInput in = WebhookInput.from(body, destinations);
        // a second webhook to one URL posts every alert there twice; a form sent twice is the usual way to get one
        refuseSecond(orgId, null, in.url(), "; remove that one first to change its kind or name");
        Webhook w = store.create(orgId, in.kind(), in.name(), in.url(), in.secret(), in.scope());
        return new Created(w, w.secret());
    }

    /**
     * Changes what {@code body} names of a webhook's URL, secret, name, repositories and environments: a webhook that
     * answers a redirect or moved keeps its id and the notifications that wait for it or were given up on, which go
     * to the new URL, and a channel that should hear of fewer deploys keeps its delivery log. Empty when there is no
     * such live webhook in the organization.
     *
     * @throws dev.missioncontrol.errors.ValidationException naming the refused field
     */
    public Optional<Webhook> change(String orgId, String id, JsonNode body) {
        Optional<Webhook> current = find(orgId, id);
        if (current.isEmpty()) {
            return current;
        }
        WebhookInput in = WebhookInput.change(current.get(), body, destinations);
        refuseSecond(orgId, id, in.url(), "");
        if (!store.change(orgId, id, in, WebhookInput.named(body))) {
            return Optional.empty(); // removed meanwhile
        }
        return find(orgId, id);
    }

    private Optional<Webhook> find(String orgId, String id) {
        return store.list(orgId).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /**
     * Refuses a URL that another of the organization's webhooks (than {@code self}) already posts to, however either
     * is written: {@code HTTP://host:80/hook?} posts where {@code http://host/hook} does.
     */
    private void refuseSecond(String orgId, String self, String url, String advice) {
        String target = WebhookUrl.normalised(url);
        store.list(orgId).stream()
                .filter(w -> !w.id().equals(self) && WebhookUrl.normalised(w.url()).equals(target)).findFirst()
                .ifPresent(w -> {
                    throw new ValidationException(List.of(FieldError.invalid("url", "is already the URL of the "
                            + "webhook \"" + w.name() + "\"" + advice)));
                });
    }

    public List<Webhook> list(String orgId) {
        return store.list(orgId);
    }

    /** How each of the organization's webhooks is doing, by webhook id. */
    public Map<String, WebhookHealth> health(String orgId) {
        return outbox.health(store.list(orgId));
    }

    /**
     * Sends the webhook's notifications given up on in the last 24 hours once more, now: once its receiver is fixed,
     * the alerts it missed still arrive. Empty when there is no such live webhook in the organization.
     */
    public OptionalInt retryGivenUp(String orgId, String webhookId) {
        boolean live = store.list(orgId).stream().anyMatch(w -> w.id().equals(webhookId));
        return live ? OptionalInt.of(outbox.retryGivenUp(orgId, webhookId)) : OptionalInt.empty();
    }

    /** Returns false when there is no such live webhook in the organization. */
    public boolean remove(String orgId, String id) {
        return store.delete(orgId, id);
    }

    /**
     * Queues a test notification to one webhook of the organization, or to every one when {@code webhookId} is null
     * (trying a new webhook need not post into every other channel); returns how many were queued.
     */
    public int sendTest(String orgId, String requestedBy, String webhookId) {
        List<Webhook> all = store.list(orgId).stream().filter(w -> webhookId == null || w.id().equals(webhookId))
                .toList();
        String sentAt = clock.instant().toString();
        for (Webhook w : all) {
            // a fresh key each time: unlike a verdict, asking twice means sending twice
            outbox.enqueue(w, "test:" + Ids.newId(clock), testPayload(w, requestedBy, sentAt), null);
        }
        return all.size();
    }

    /** Who was told of a deployment's verdict, webhook by webhook; empty before it was queued, or with no webhook. */
    public List<OutboxStore.Notified> notified(String orgId, String deploymentId) {
        return outbox.forDeployment(orgId, deploymentId);
    }

    /** A page of the delivery log, newest first. */
    public List<OutboxStore.Delivery> deliveries(DeliveryQuery q) {
        return outbox.deliveries(q);
    }

    /** How many attempts the query's filters select, on all pages. */
    public long countDeliveries(DeliveryQuery q) {
        return outbox.countDeliveries(q);
    }

    private static String testPayload(Webhook w, String requestedBy, String sentAt) {
        String text = "Test notification from Mission Control, sent by " + requestedBy + " at " + sentAt
                + ". Degraded and failed deploy verdicts arrive here.";
        if (w.kind().equals(Webhook.SLACK)) {
            return Json.write(Json.object().put("text", text));
        }
        return Json.write(Json.object().put("event", "test").put("message", text).put("sent_at", sentAt));
    }
}
