package dev.missioncontrol.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.VerdictState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Queues a notification to every webhook of the organization when a deployment's verdict turns degraded or failed.
 * The payload is rendered now, with the verdict that caused it, so a retry hours later sends the same message.
 */
public final class VerdictAlerts {
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

    public void verdictRecorded(String sessionId, JsonNode verdict) {
        String state = verdict.path("state").asText();
        if (!VerdictState.alerts(state)) {
            return;
        }
        Optional<Deployment> found = deployments.forSession(sessionId).stream().reduce((a, b) -> b);
        if (found.isEmpty()) {
            return;
        }
        Deployment d = found.get();
        for (Webhook w : webhooks.list(d.orgId())) {
            String payload = w.kind().equals(Webhook.SLACK) ? VerdictMessage.slack(d, verdict, baseUrl.get())
                    : VerdictMessage.generic(d, verdict, baseUrl.get());
            outbox.enqueue(w, "verdict:" + sessionId + ":" + state, payload, d.id());
        }
    }
}
