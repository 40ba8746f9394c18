package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.net.DeniedDestination;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.net.RetryAfter;
import dev.missioncontrol.net.ShownUrl;
import dev.missioncontrol.net.TransportFailure;
import dev.missioncontrol.store.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a claimed notification: signed and posted, its answer recorded in the delivery log, and a retry
 * scheduled with exponential backoff unless it was delivered or this was its {@link #MAX_ATTEMPTS}th.
 */
final class SendNotification {
    /** Named after the loop that sends, where operators look for what became of their alerts. */
    private static final Logger LOG = LoggerFactory.getLogger(DeliverNotifications.class);
    static final int MAX_ATTEMPTS = 8;
    /**
     * The notification's id, the same on each of its attempts: delivery is at least once (a node that dies between
     * the webhook's answer and recording it leaves the notification to another node, which sends it again), so a
     * receiver recognises a repeat by it.
     */
    static final String DELIVERY_HEADER = "X-MissionControl-Delivery";
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final OutboxStore outbox;
    private final OutboundHttp http;
    private final Duration backoff;
    private final Clock clock;
    private final MeterRegistry metrics;

    /**
     * @param backoff the wait before the first retry; each later one doubles it
     * @param metrics counts each attempt by its outcome, so a failing webhook shows on /metrics before anyone asks
     */
    SendNotification(OutboxStore outbox, OutboundHttp http, Duration backoff, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.http = http;
        this.backoff = backoff;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** One attempt, recorded, and counted by its outcome. */
    void send(OutboxStore.Pending p) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        Duration asked = Duration.ZERO;
        try {
            String body = body(p);
            OutboundHttp.Reply reply = answer(p, body);
            status = reply.status();
            error = reply.ok() ? null : "answered " + reply.status() + (reply.location() == null ? reason(reply)
                    : redirect(reply));
            asked = RetryAfter.read(reply.retryAfter(), clock.instant()).orElse(Duration.ZERO);
        } catch (DeniedDestination | OutboundHttp.OutboundFailure | IllegalArgumentException e) {
            error = e.getMessage();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        boolean delivered = error == null;
        Instant retryAt = delivered || p.attempts() + 1 >= MAX_ATTEMPTS ? null
                : clock.instant().plus(delay(p.attempts(), asked));
        if (!delivered) {
            logFailure(p, error, retryAt);
        }
        outbox.attempted(p, status, error, ms, delivered, retryAt);
        metrics.counter("missioncontrol.notification.attempts", "outcome",
                delivered ? "delivered" : retryAt == null ? "gave_up" : "will_retry").increment();
    }

    private static void logFailure(OutboxStore.Pending p, String error, Instant retryAt) {
        if (retryAt != null) {
            LOG.warn("notification {} to webhook {} failed ({}); retrying at {}", p.id(), p.webhook().name(), error,
                    retryAt);
            return;
        }
        // an alert is lost here unless someone acts: an error, saying what was lost and how to send it again
        LOG.error("notification {} to webhook {} failed ({}) and is given up after {} attempts: {} was not delivered; "
                + "fix the receiver, then send it again from the webhook's row in Settings, Notifications", p.id(),
                p.webhook().name(), error, p.attempts() + 1,
                p.deploymentId() == null ? "this test" : "the verdict of deployment " + p.deploymentId());
    }

    /**
     * The receiver's answer. One too large to read still has its status, which says whether the alert was taken: a
     * 500 is logged as one, and a 200 is delivered rather than sent again.
     */
    private OutboundHttp.Reply answer(OutboxStore.Pending p, String body) {
        try {
            return http.postJson(URI.create(p.webhook().url()), headers(p, body), body);
        } catch (OutboundHttp.TooLarge e) {
            if (e.answered() == null) {
                throw e;
            }
            return e.answered();
        }
    }

    /**
     * The receiver's own words for its refusal, such as Slack's "no_service" or "invalid_token": what tells an admin
     * whether the URL is wrong, the channel gone or the receiver down. An HTML error page is read as its text.
     */
    private String reason(OutboundHttp.Reply reply) {
        if (reply.body() == null) {
            return ": the answer was larger than " + http.caps().maxResponseBytes() + " bytes, so not read";
        }
        String text = reply.body().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
        return text.isBlank() ? "" : ": " + TransportFailure.oneLine(text);
    }

    /**
     * Where a redirect points: redirects are never followed (the SSRF guard checked only the first address), so the
     * log names the address to set instead, such as https:// for an http:// URL behind a load balancer. Changing the
     * URL in place, not removing the webhook and adding another, keeps the alerts waiting for it.
     */
    private static String redirect(OutboundHttp.Reply reply) {
        return " redirecting to " + ShownUrl.withoutQuery(reply.location()).orElse("an unreadable address")
                + " (redirects are not followed: change the webhook's URL to where it points, with Change URL on "
                + "its row in Settings, Notifications; what waits for it is sent there)";
    }

    /**
     * What is posted. A generic webhook's JSON carries the notification's id as {@code delivery_id}, inside what the
     * signature covers: a receiver that drops an id it has seen then refuses a captured request replayed within its
     * timestamp tolerance, which the unsigned delivery header alone would let through under a new id.
     */
    private static String body(OutboxStore.Pending p) {
        if (!p.webhook().kind().equals(Webhook.GENERIC) || !(Json.read(p.payload()) instanceof ObjectNode payload)) {
            return p.payload();
        }
        ObjectNode body = Json.object().put("delivery_id", p.id());
        return Json.write(body.setAll(payload));
    }

    private Map<String, String> headers(OutboxStore.Pending p, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", "MissionControl-Notifier/1");
        h.put(DELIVERY_HEADER, p.id());
        if (p.webhook().kind().equals(Webhook.GENERIC) && p.webhook().secret() != null) {
            long ts = clock.instant().getEpochSecond();
            h.put(Signature.TIMESTAMP_HEADER, Long.toString(ts));
            h.put(Signature.HEADER, Signature.sign(p.webhook().secret(), ts, body));
        }
        return h;
    }

    /**
     * backoff, 2 x backoff, 4 x backoff, … or longer when the receiver asked for longer with Retry-After (Slack's
     * rate limit does: a retry before it is refused again and spends one of the attempts), capped at an hour so that
     * an alert is never held longer than the backoff itself would hold it.
     */
    Duration delay(int attemptsSoFar, Duration asked) {
        Duration d = backoff.multipliedBy(1L << Math.min(attemptsSoFar, 20));
        d = asked.compareTo(d) > 0 ? asked : d;
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
