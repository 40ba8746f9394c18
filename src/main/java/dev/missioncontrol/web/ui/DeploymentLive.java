package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.VerdictWait;

/**
 * The part of a deployment's page that changes while the monitor watches: the verdict, the chart and the checks.
 * While the verdict is not final the page polls for it, sending the {@code version} it shows; the answer is empty
 * (204) until something changed, and the section stops polling once the verdict is final.
 *
 * @param chart   the chart's data, for /static/chart.js
 * @param version names what the section shows: the verdict and the chart's data
 */
public record DeploymentLive(DeploymentRow row, String chart, String version) {
    /** How often the page asks; the monitor's checks come seconds to minutes apart. */
    public static final String POLL_EVERY = "every 5s";

    static DeploymentLive of(DeploymentRow row, String chart) {
        String verdict = String.valueOf(row.deployment().verdict());
        return new DeploymentLive(row, chart, Integer.toHexString((verdict + "\n" + chart).hashCode()));
    }

    public boolean polling() {
        return !VerdictWait.isFinal(row.deployment().verdict());
    }

    public String pollUrl() {
        return row.url() + "/live?seen=" + version;
    }
}
