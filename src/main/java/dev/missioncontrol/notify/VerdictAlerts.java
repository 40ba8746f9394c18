package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.VerdictState;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Queues a notification to each webhook of the organization whose scope covers the deployment when its verdict turns
 * degraded or failed, and, when a later deploy of the same service and environment is healthy, tells the webhooks
 * that got that alert that it is over. The payload is rendered now, with the verdict that caused it, so a retry hours
 * later sends the same message.
 */
public final class VerdictAlerts {
    /** The start of an alert's dedupe key; the rest is the monitor session's id and the state. */
    static final String ALERT_KEY = "verdict:";
    private static final String RECOVERED_KEY = "recovered:";
    private final DeploymentStore deployments;
    private final WebhookStore webhooks;
    private final OutboxStore outbox;
    private final Supplier<String> baseUrl;

    /** @param baseUrl read when a verdict is recorded: with --port 0 the port is known only once the server listens */
    public VerdictAlerts(DeploymentStore deployments, WebhookStore webhooks, OutboxStore outbox,
            Supplier<String> baseUrl) {
        this.deployments = deployments;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /** Whether a verdict in this state is sent anywhere: an alert, or a healthy one, which may end an earlier alert. */
    public static boolean tells(String state) {
        return VerdictState.alerts(state) || VerdictState.HEALTHY.wireName().equals(state);
    }

    public void verdictRecorded(String sessionId, JsonNode verdict) {
        String state = verdict.path("state").asText();
        if (!tells(state)) {
            return;
        }
        boolean alert = VerdictState.alerts(state);
        Optional<Deployment> found = deployments.forSession(sessionId).stream().reduce((a, b) -> b);
        if (found.isEmpty()) {
            return;
        }
        if (alert) {
            alert(found.get(), verdict, state);
        } else {
            Recovery.endedAlert(found.get(), deployments.before(found.get(), Recovery.LOOKBACK))
                    .ifPresent(alerted -> recovered(found.get(), verdict, alerted));
        }
    }

    private void alert(Deployment d, JsonNode verdict, String state) {
        for (Webhook w : webhooks.list(d.orgId()).stream().filter(w -> w.scope().covers(d)).toList()) {
            String payload = w.kind().equals(Webhook.SLACK) ? VerdictMessage.slack(d, verdict, baseUrl.get())
                    : VerdictMessage.generic(d, verdict, baseUrl.get());
            outbox.enqueue(w, ALERT_KEY + d.sessionId() + ":" + state, payload, d.id());
        }
    }

    /** Only to the webhooks the alert went to: a webhook added since never heard of it. */
    private void recovered(Deployment d, JsonNode verdict, Deployment alerted) {
        Set<String> told = outbox.alerted(d.orgId(), alerted.id());
        for (Webhook w : webhooks.list(d.orgId())) {
            if (told.contains(w.id())) {
                String payload = w.kind().equals(Webhook.SLACK)
                        ? VerdictMessage.slackRecovered(d, verdict, alerted, baseUrl.get())
                        : VerdictMessage.genericRecovered(d, verdict, alerted, baseUrl.get());
                outbox.enqueue(w, RECOVERED_KEY + d.sessionId(), payload, d.id());
            }
        }
    }
}
