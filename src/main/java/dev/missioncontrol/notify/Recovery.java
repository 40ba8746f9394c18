package dev.missioncontrol.notify;

import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.monitor.VerdictState;
import java.util.List;
import java.util.Optional;

/**
 * Which alert a healthy verdict answers. Whoever was paged for a degraded deploy wants to hear when a later deploy of
 * the same service to the same environment (a rollback, a fix) is healthy again, rather than watch the page.
 */
final class Recovery {
    /** How far back a healthy verdict looks for the alert it ends, in deploys of its project. */
    static final int LOOKBACK = 20;

    private Recovery() {
    }

    /**
     * The latest alerting deploy among {@code earlier} (newest first) of {@code healthy}'s environment, unless a deploy
     * there was judged healthy or marginal since: then that one already ended it, or nothing needed ending. A deploy
     * still watched, or whose watch could say nothing (inconclusive), decides nothing and is passed over.
     */
    static Optional<Deployment> endedAlert(Deployment healthy, List<Deployment> earlier) {
        for (Deployment e : earlier) {
            // the deploy's own earlier events (pending, then success) share its session and its verdict
            if (e.sessionId().equals(healthy.sessionId())
                    || !EnvironmentName.same(e.environment(), healthy.environment()) || e.verdict() == null) {
                continue;
            }
            String state = e.verdict().path("state").asText();
            if (VerdictState.alerts(state)) {
                return Optional.of(e);
            }
            if (VerdictState.passes(state)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
