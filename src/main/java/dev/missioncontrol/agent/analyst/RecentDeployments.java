package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The project's deployments before the question was asked, when the logs show no failure to line them up with (none
 * were sent, none fails, or the failing lines carry no times, as a pasted stack trace does): "why is checkout down?"
 * asked 37 minutes after checkout was deployed is answered first by that deployment, whatever the logs hold.
 */
final class RecentDeployments {
    static final int MAX_QUOTED = 3;

    private RecentDeployments() {
    }

    /** Newest first; only for a session with a project, whose deployments list_deployments narrowed to it. */
    static List<DeploymentSeen> of(Investigation inv) {
        Observations o = inv.obs();
        if (!inv.incident().isEmpty() && inv.incident().onset() != null || !o.hasProject || o.asked == null) {
            return List.of();
        }
        return o.deployments.stream().filter(d -> d.createdAt() != null && !d.createdAt().isAfter(o.asked))
                .sorted(Comparator.comparing(DeploymentSeen::createdAt).reversed()).toList();
    }

    static Optional<Finding> finding(Investigation inv) {
        List<DeploymentSeen> recent = of(inv);
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        String unlined = inv.incident().isEmpty() ? " No failing log line was there to line it up with"
                : " The failing lines carry no times, so they could not be lined up with it";
        return Optional.of(new Finding("The latest deployment landed " + before(inv, recent.get(0))
                + " before the question was asked", latest(inv) + unlined + ", so whether it changed anything is "
                + "not known.",
                recent.stream().limit(MAX_QUOTED).map(DeploymentSeen::quote).toList()));
    }

    /** "deployment 0192… of acme/checkout, commit abc1234 ("…") landed 37m 3s before the question was asked." */
    static String latest(Investigation inv) {
        DeploymentSeen d = of(inv).get(0);
        return d.prose() + " landed at " + d.createdAt() + ", " + before(inv, d) + " before the question was asked.";
    }

    private static String before(Investigation inv, DeploymentSeen d) {
        return Spans.of(Duration.between(d.createdAt(), inv.obs().asked));
    }
}
