package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Deployments of other services than the one the request names, around the first bad line, when one of the named
 * service's own is a suspect. A reader may want to know what else changed then, but the problem is with the named
 * service, so these are context rather than causes: no rollback is proposed for them, and wherever they appear they
 * are marked as another service's.
 */
final class OtherServices {
    static final int MAX = 3;

    private OtherServices() {
    }

    /** Newest first: those within {@link DeployLink#CLOSE} before the onset or a rollout's length after it. */
    static List<DeploymentSeen> around(List<DeploymentSeen> deployments, Incident incident, Request request) {
        Instant onset = incident.onset();
        List<DeploymentSeen> candidates = DeployLink.candidates(deployments, onset, request);
        if (candidates.stream().noneMatch(d -> DeployLink.named(d, request))) {
            return List.of(); // without one of its own, another service's deployment is a (weak) suspect itself
        }
        return candidates.stream().filter(d -> !DeployLink.named(d, request)
                        && !DeployLink.upstream(d, incident, request)
                        && !d.createdAt().isBefore(onset.minus(DeployLink.CLOSE)))
                .sorted(Comparator.comparing(DeploymentSeen::createdAt).reversed()).limit(MAX).toList();
    }

    /** "another service than checkout" */
    static String label(Request request) {
        return "another service than " + Markdown.plain(request.service() != null ? request.service()
                : request.repository(), Markdown.INLINE_CHARS);
    }

    /**
     * "Also deployed around then, of another service than checkout and so only context: deployment d2 of acme/billing,
     * which landed 1m 8s before the first error.", or "" when there are none.
     */
    static String sentence(List<DeploymentSeen> deployments, Incident incident, Request request) {
        List<DeploymentSeen> others = around(deployments, incident, request);
        return others.isEmpty() ? "" : "Also deployed around then, of " + label(request) + " and so only context: "
                + String.join("; ", others.stream().map(d -> d.prose() + ", which "
                + DeployLink.when(Duration.between(d.createdAt(), incident.onset()))).toList()) + ".";
    }
}
