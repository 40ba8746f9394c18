package dev.missioncontrol.tools.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.DeployStatus;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.monitor.Superseded;
import dev.missioncontrol.signals.SignalScope;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Other deployments of the project that landed within the windows a comparison judges: a change they made counts
 * against this deploy too. A deploy ten seconds after a bad one sees the bad one's errors after its own moment and
 * its calm before, and without this would be the one blamed.
 */
final class OtherDeployments {
    private static final int MAX = 10;
    /**
     * Successful deploys after the watched one read to find the one that replaced it: enough to pass a burst of
     * per-branch preview environments between the two, bounded since a watch lasts a day at most.
     */
    private static final int SUCCESSES_SEARCHED = 500;

    private final DeploymentStore deployments;

    OtherDeployments(DeploymentStore deployments) {
        this.deployments = deployments;
    }

    /**
     * Those of another session, to the scope's environment (or any, where either names none), in [from, to]. A
     * deploy of the same commit is no other change: a re-run's first deploy is where its baseline ends, not a
     * suspect to check before rolling back.
     */
    ArrayNode within(SessionFacts session, SignalScope scope, Instant from, Instant to) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        Set<String> watched = watchedCommits(session);
        deployments.forProject(session.orgId(), scope.project().id(), from, to, MAX * 4).stream()
                .filter(d -> another(d, session, watched) && DeployStatus.rolledOut(d.status())
                        && sameEnvironment(d, scope))
                .limit(MAX).forEach(d -> out.addObject().put("id", d.id()).put("commit_sha", d.commitSha())
                        .put("status", d.status()).put("created_at", d.createdAt().toString()));
        return out;
    }

    /**
     * The first success of another commit to the scope's very environment after {@code deployed}, up to {@code to}:
     * the deploy that replaced the watched one there. A deploy to another environment, or to none where the watched
     * one names one, runs elsewhere and only counts as another deployment ({@link #within}).
     */
    Optional<Superseded> superseding(SessionFacts session, SignalScope scope, Instant deployed, Instant to) {
        Set<String> watched = watchedCommits(session);
        return deployments.successesOfProject(session.orgId(), scope.project().id(), deployed.plusMillis(1), to,
                        SUCCESSES_SEARCHED).stream()
                .filter(d -> another(d, session, watched) && EnvironmentName.same(d.environment(), scope.environment()))
                .findFirst().map(d -> new Superseded(d.id(), d.commitSha(), wentLive(d, deployed)));
    }

    /**
     * When a superseding deploy began to replace the watched one: where its CI said the rollout was running before
     * the success, from then, since from then the service ran its code in part; never before the watched deploy.
     */
    private Instant wentLive(Deployment d, Instant deployed) {
        return deployments.rolloutStart(d).filter(at -> at.isAfter(deployed)).orElse(d.createdAt());
    }

    /** The commits the session watches: a deploy of one of them is no other change, as a re-run's first deploy. */
    private Set<String> watchedCommits(SessionFacts session) {
        return deployments.forSession(session.sessionId()).stream().map(Deployment::commitSha)
                .filter(Objects::nonNull).map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static boolean another(Deployment d, SessionFacts session, Set<String> watched) {
        return !Objects.equals(d.sessionId(), session.sessionId())
                && (d.commitSha() == null || !watched.contains(d.commitSha().toLowerCase(Locale.ROOT)));
    }

    private static boolean sameEnvironment(Deployment d, SignalScope scope) {
        return d.environment() == null || scope.environment() == null
                || d.environment().equalsIgnoreCase(scope.environment());
    }
}
