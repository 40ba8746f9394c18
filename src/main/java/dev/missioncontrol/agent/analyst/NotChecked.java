package dev.missioncontrol.agent.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report's last section: what the analyst could not see, and why. */
final class NotChecked {
    /** Projects named in full where several share a service name; the rest are counted. */
    private static final int NAMED = 5;

    private NotChecked() {
    }

    private static Optional<String> metrics(Investigation inv) {
        Observations o = inv.obs();
        if (!o.hasProject) {
            return Optional.of("Metrics: " + whyNoProject(o.request, o.serviceSharedBy) + ", so none were compared; rates and counts "
                    + "come from the log lines only.");
        }
        if (!o.metricsChecked) {
            return Optional.of("Metrics: without a timestamped first bad line there was no moment to "
                    + "compare them around.");
        }
        if (o.metricsProblem != null) {
            return Optional.of("Metrics: none to compare around the first bad line (" + o.metricsProblem
                    + ").");
        }
        return Optional.empty();
    }

    /**
     * Why the session has no project, from what the request named: a reader who sees a reason that does not fit
     * their request (an example naming projects they do not have) would doubt the rest of the report.
     */
    private static String whyNoProject(Request r, List<String> sharedBy) {
        if (r.repository() != null) {
            return "the request's `context.repository_full_name`, `" + r.repository() + "`, is not a project of "
                    + "this organization";
        }
        if (r.service() != null) {
            return "`" + Markdown.inline(r.service()) + "`" + (r.alerts().service() == null ? ""
                    : ", which the alert's `" + r.alerts().service().name() + "` label names,")
                    + (sharedBy.isEmpty() ? " is the service name of no project of this organization"
                    : " is the service name of " + sharedBy.size() + " projects (" + String.join(", ",
                    sharedBy.stream().limit(NAMED).map(repo -> "`" + Markdown.inline(repo) + "`").toList())
                    + (sharedBy.size() > NAMED ? " and " + (sharedBy.size() - NAMED) + " more" : "")
                    + "), and a guess between them would report one's metrics as the service's")
                    + " (a project's service name is its repository's last segment unless its settings say "
                    + "otherwise, so two repositories can share one; `context.repository_full_name` names the project "
                    + "without doubt, and a project is added under Settings)";
        }
        return "the request names no project (neither `context.repository_full_name` nor `context.service`"
                + (r.alerts().pasted().isEmpty() ? "" : ", and its alerts' labels agree on no service") + ")";
    }

    static List<String> lines(Investigation inv) {
        Observations o = inv.obs();
        List<String> out = new ArrayList<>();
        if (!o.hasServiceLogs()) {
            out.add("The service's own logs: the request carried no `context.logs`"
                    + (o.sources.isEmpty() ? "." : ", only " + String.join(", ",
                    o.sources.stream().map(LogSourceStats::name).toList()) + "."));
        }
        metrics(inv).ifPresent(out::add);
        if (!o.deploymentsChecked) {
            out.add("Deployments: not listed.");
        } else if (o.deploymentsProblem != null) {
            out.add("Deployments: listing failed (" + o.deploymentsProblem + ").");
        } else if (o.otherServicesProblem != null) {
            out.add("Other services' deployments around the first bad line: listing failed ("
                    + o.otherServicesProblem + "), so only the named repository's were weighed.");
        } else if (inv.incident().onset() == null && !inv.incident().isEmpty()) {
            out.add("Deployments against the logs: the problem lines carry no timestamps, so they could not be "
                    + "lined up with deployments.");
        }
        if (inv.deploy() != null) {
            out.add("The content of " + inv.deploy().deployment().prose() + ": its diff was not read.");
        }
        if (o.request.namesSecret()) {
            out.add("A term of the question that reads as a secret: the logs are never searched for secrets, and "
                    + "every line shown has them masked.");
        }
        if (o.searches.stream().anyMatch(SearchOutcome::outOfTime)) {
            out.add("Part of the logs for some searches: they stopped at their time limit.");
        }
        Optional<String> described = PodDescription.source(o);
        if (described.isPresent()) {
            // what was pasted was read; only its being current is unknown
            out.add("Logs of services other than those in the request, and the live state of "
                    + (o.request.service() != null ? o.request.service() : "the service") + ": its pods are as "
                    + described.get() + " captured them, not as they are now.");
        } else if (o.request.service() != null) {
            out.add("Logs of services other than those in the request, and the live state of "
                    + o.request.service() + " (pods, restarts, resources).");
        } else {
            out.add("The live state of the service (pods, restarts, resources) and logs not in the request.");
        }
        return out;
    }
}
