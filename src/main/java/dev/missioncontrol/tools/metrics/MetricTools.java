package dev.missioncontrol.tools.metrics;

import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.signals.SignalScope;
import dev.missioncontrol.signals.Signals;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The metric tools: read a project's signals, and run the judge's before/after comparison on them. */
public final class MetricTools {
    private MetricTools() {
    }

    public static List<Tool> all(Signals signals, OrgStore orgs, DeploymentStore deployments, Clock clock) {
        return List.of(new QueryMetrics(signals, orgs, clock),
                new CompareWindows(signals, orgs, new OtherDeployments(deployments), clock));
    }

    static Optional<Project> project(OrgStore orgs, SessionFacts session) {
        return session.projectId() == null ? Optional.empty() : orgs.findProject(session.orgId(), session.projectId());
    }

    /** The session's project, in the environment its context names. */
    static Optional<SignalScope> scope(OrgStore orgs, SessionFacts session) {
        return project(orgs, session).map(p -> SignalScope.of(p, session.context()));
    }
}
