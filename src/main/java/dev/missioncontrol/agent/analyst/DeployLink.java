package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The deployment that landed last before the first bad line, and how strongly the timing ties the two: a deploy
 * minutes before errors that did not exist before it is the first suspect.
 */
record DeployLink(DeploymentSeen deployment, Duration before, Confidence confidence) {

    static final Duration CLOSE = Duration.ofMinutes(30);
    static final Duration NEAR = Duration.ofHours(2);

    /** The link, or null when no deployment landed before the onset (or the onset has no time). */
    static DeployLink of(List<DeploymentSeen> deployments, Incident incident) {
        Instant onset = incident.onset();
        if (onset == null) {
            return null;
        }
        DeploymentSeen last = deployments.stream()
                .filter(d -> d.createdAt() != null && !d.createdAt().isAfter(onset))
                .max(Comparator.comparing(DeploymentSeen::createdAt)).orElse(null);
        if (last == null) {
            return null;
        }
        Duration gap = Duration.between(last.createdAt(), onset);
        Confidence c = gap.compareTo(CLOSE) <= 0 ? Confidence.HIGH
                : gap.compareTo(NEAR) <= 0 ? Confidence.MEDIUM : Confidence.LOW;
        return new DeployLink(last, gap, c);
    }

    /**
     * Deployments that landed after the problem began and while the logs still ran: they cannot have caused it, but
     * they may have changed it (a fix, a rollback). Those after the logs end say nothing about what the logs show.
     */
    static List<DeploymentSeen> after(List<DeploymentSeen> deployments, Incident incident) {
        Instant onset = incident.onset();
        Instant end = incident.logsEnd();
        return onset == null ? List.of() : deployments.stream()
                .filter(d -> d.createdAt() != null && d.createdAt().isAfter(onset)
                        && (end == null || !d.createdAt().isAfter(end))).toList();
    }

    Quote quote() {
        return new Quote("list_deployments", 0, deployment.createdAt(), deployment.describe() + ", status "
                + deployment.status() + ", created " + deployment.createdAt());
    }
}
