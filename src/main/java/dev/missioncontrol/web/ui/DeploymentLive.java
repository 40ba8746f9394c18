package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.deployments.VerdictWait;
import dev.missioncontrol.monitor.VerdictState;
import dev.missioncontrol.store.Sha256;
import java.util.List;

/**
 * The part of a deployment's page that changes while the monitor watches: the verdict, the chart and the checks.
 * While the verdict is not final the page polls for it, sending the {@code version} it shows; the answer is empty
 * (204) until something changed, and the section stops polling once the verdict is final.
 *
 * @param chart   the chart's data, for /static/chart.js
 * @param version names what the section shows: the verdict, the chart's data and the notifications' states
 */
public record DeploymentLive(DeploymentRow row, String chart, String version, Notified notified) {
    /** How often the page asks; the monitor's checks come seconds to minutes apart. */
    public static final String POLL_EVERY = "every 5s";

    /**
     * Who was told of the verdict, which people ask first when a deploy went bad: each webhook's delivery, or that
     * there was no webhook to tell.
     *
     * @param webhooks whether the organization has any webhook
     */
    public record Notified(List<NotificationSettings.Told> told, boolean webhooks) {
        static final Notified NOTHING = new Notified(List.of(), true);
    }

    static DeploymentLive of(DeploymentRow row, String chart, Notified notified) {
        String verdict = String.valueOf(row.deployment().verdict());
        String told = notified.told().stream().map(t -> t.state() + t.attempts()).toList().toString();
        // a digest, not hashCode: two versions that collide in 32 bits would leave the page showing the older one
        return new DeploymentLive(row, chart, Sha256.hex(verdict + "\n" + chart + "\n" + told).substring(0, 16),
                notified);
    }

    /** Whether the verdict is one the webhooks are told of. */
    public boolean alerting() {
        return alerting(row.deployment().verdict());
    }

    static boolean alerting(JsonNode verdict) {
        return verdict != null && VerdictState.alerts(verdict.path("state").asText());
    }

    public boolean verdictFinal() {
        return VerdictWait.isFinal(row.deployment().verdict());
    }

    /** Until the verdict is final, and then while a notification of it is still on its way. */
    public boolean polling() {
        return !verdictFinal() || notified.told().stream().anyMatch(NotificationSettings.Told::pending);
    }

    public String pollUrl() {
        return row.url() + "/live?seen=" + version;
    }
}
