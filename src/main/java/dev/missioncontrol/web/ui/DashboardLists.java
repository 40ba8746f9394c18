package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.DeploymentQuery;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.sessions.SessionQuery;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.store.Sha256;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard lists: the active sessions, the latest deployments with their verdicts, and the latest
 * sessions. The page asks again every few seconds, sending the {@link #version()} it shows; in the middle of an
 * incident a new investigation, a verdict turning degraded or a deploy's monitor starting shows without a reload.
 */
public record DashboardLists(List<AgentSession> active, long activeCount, List<AgentSession> recent,
        List<DeploymentRow> deployments) {
    /** As often as the deployment page asks: a verdict changes at the monitor's checks, seconds to minutes apart. */
    public static final String POLL_EVERY = "every 5s";

    static DashboardLists of(String orgId, SessionStore sessions, DeploymentStore deployments) {
        var activeQuery = new SessionQuery(orgId, List.of(SessionStatus.ACTIVE), null, null, null, 20);
        return new DashboardLists(sessions.list(activeQuery), sessions.count(activeQuery),
                sessions.list(new SessionQuery(orgId, List.of(), null, null, null, 10)),
                DeploymentRow.all(deployments.list(new DeploymentQuery(orgId, null, null, null, null, null, 10))));
    }

    /**
     * Names what the lists show, as the page renders them: a digest of that markup, so that any change a reader could
     * see (a status, a verdict, a title) is a new version and nothing else is.
     */
    String version() {
        return Sha256.hex(Pages.html("dashboard/lists.jte", Map.of("lists", this, "oob", false))).substring(0, 16);
    }
}
