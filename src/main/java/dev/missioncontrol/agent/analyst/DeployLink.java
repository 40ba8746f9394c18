package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.monitor.DeployStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The deployment that landed last before the first bad line, and how strongly the timing ties the two: a deploy
 * minutes before errors that did not exist before it is the first suspect. Only a deployment that can have changed
 * what the logs show counts: one that was cancelled or never left pending did not roll out, and one to another
 * environment than the request names did not touch it. A deployment of another service than the one named, or any
 * deployment when the request names none, is a weaker suspect, and {@code caveat} says why.
 */
record DeployLink(DeploymentSeen deployment, Duration before, Confidence confidence, String caveat) {

    static final Duration CLOSE = Duration.ofMinutes(30);
    static final Duration NEAR = Duration.ofHours(2);

    /** The link, or null when no deployment landed before the onset (or the onset has no time). */
    static DeployLink of(List<DeploymentSeen> deployments, Incident incident, Request request) {
        Instant onset = incident.onset();
        if (onset == null) {
            return null;
        }
        DeploymentSeen last = deployments.stream()
                .filter(d -> d.createdAt() != null && !d.createdAt().isAfter(onset) && touched(d, request))
                .max(Comparator.comparing(DeploymentSeen::createdAt)).orElse(null);
        if (last == null) {
            return null;
        }
        Duration gap = Duration.between(last.createdAt(), onset);
        Confidence timing = gap.compareTo(CLOSE) <= 0 ? Confidence.HIGH
                : gap.compareTo(NEAR) <= 0 ? Confidence.MEDIUM : Confidence.LOW;
        Caveat caveat = caveat(last, request, deployments.stream().map(DeploymentSeen::repository).distinct()
                .count() > 1);
        Confidence c = caveat == null || timing.compareTo(caveat.cap()) >= 0 ? timing : caveat.cap();
        return new DeployLink(last, gap, c, caveat == null ? null : caveat.text());
    }

    /** Why a deployment is a weaker suspect than its timing says, and the most the report may then claim. */
    private record Caveat(String text, Confidence cap) {
    }

    /** Whether the deployment rolled out (at least in part) to the environment the request names, if it names one. */
    private static boolean touched(DeploymentSeen d, Request request) {
        boolean rolledOut = d.status() == null || DeployStatus.rolledOut(d.status().toLowerCase(Locale.ROOT));
        boolean otherEnvironment = d.environment() != null && request.environment() != null
                && !d.environment().equalsIgnoreCase(request.environment());
        return rolledOut && !otherEnvironment;
    }

    private static Caveat caveat(DeploymentSeen d, Request request, boolean severalProjects) {
        boolean sameRepository = request.repository() != null && request.repository().equalsIgnoreCase(d.repository());
        if (!sameRepository && request.service() != null && !request.service().equalsIgnoreCase(d.repositoryName())) {
            return new Caveat("It is a deployment of " + d.repository() + ", and the problem is with "
                    + Markdown.plain(request.service(), Markdown.INLINE_CHARS) + ".", Confidence.LOW);
        }
        if ("failure".equalsIgnoreCase(d.status())) {
            return new Caveat("It is recorded as failed, so it may not have rolled out.", Confidence.MEDIUM);
        }
        if (request.repository() == null && request.service() == null && severalProjects) {
            return new Caveat("The request names no service or repository, so this may be another project's "
                    + "deployment.", Confidence.MEDIUM);
        }
        return null;
    }

    /**
     * Deployments that landed after the problem began and while the logs still ran: they cannot have caused it, but
     * they may have changed it (a fix, a rollback). Those after the logs end say nothing about what the logs show.
     */
    static List<DeploymentSeen> after(List<DeploymentSeen> deployments, Incident incident, Request request) {
        Instant onset = incident.onset();
        Instant end = incident.logsEnd();
        return onset == null ? List.of() : deployments.stream()
                .filter(d -> d.createdAt() != null && d.createdAt().isAfter(onset)
                        && (end == null || !d.createdAt().isAfter(end)) && touched(d, request)).toList();
    }

    Quote quote() {
        return new Quote("list_deployments", 0, deployment.createdAt(), deployment.describe() + ", status "
                + deployment.status() + ", created " + deployment.createdAt());
    }
}
