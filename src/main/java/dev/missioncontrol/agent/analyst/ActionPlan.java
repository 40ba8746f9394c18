package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Recommended actions in order: the top hypotheses' remedies first, then checks that confirm or rule them out. */
final class ActionPlan {
    /** Failures that begin this close together say nothing about which caused which. */
    static final Duration TOGETHER = Duration.ofSeconds(30);
    static final int MAX = 6;

    private ActionPlan() {
    }

    /**
     * Which component to start with. Failures that began seconds apart may be one cause seen twice or two problems
     * at once, and the order alone cannot tell; a component that began failing minutes after the first is more
     * likely to follow from it.
     */
    private static String order(List<Incident.Link> chain) {
        Incident.Link first = chain.get(0);
        Incident.Link next = chain.get(1);
        if (next.after() != null && next.after().compareTo(TOGETHER) > 0) {
            return "Start with " + first.component() + ", where errors began; the other components began failing "
                    + Spans.of(next.after()) + " or more after it.";
        }
        return "Errors began in " + first.component() + " and " + next.component() + (next.after() == null ? ""
                : " within " + Spans.of(next.after()) + " of each other") + ": one may follow from the other or both "
                + "from a third cause, or they may be separate problems; look at each.";
    }

    private static String ifItBeganAfter(DeploymentSeen d) {
        return "If the problem began after " + d.prose() + ", roll it back or compare the service's metrics before "
                + "and after it.";
    }

    static List<String> of(Investigation inv) {
        Set<String> actions = new LinkedHashSet<>();
        if (inv.noProblem()) {
            RecentDeployments.suspect(inv).ifPresent(d -> actions.add(ifItBeganAfter(d)));
            actions.add(inv.firing().map(a -> "Send the logs of " + (inv.obs().request.service() == null
                    ? "the alerting service" : Markdown.inline(inv.obs().request.service())) + " from a few minutes "
                    + "before " + a.start() + ", when alert " + AlertMoments.name(a) + " " + a.started() + ", to now: "
                    + "the alert says when the problem showed, the logs say why.")
                    .orElse("Nothing to fix from these logs. If users still see a problem, send the logs of the "
                    + "affected service for the time it happened, and any error message they saw."));
            return new ArrayList<>(actions);
        }
        inv.hypotheses().forEach(h -> actions.add(h.action()));
        // failing lines without times: the latest deployment could not be lined up with them, nor ruled out
        RecentDeployments.suspect(inv).ifPresent(d -> actions.add(ifItBeganAfter(d)));
        Incident incident = inv.incident();
        if (Boolean.TRUE.equals(incident.stillHappening())) {
            actions.add("It was still happening when the logs end: confirm with fresh logs after each step, "
                    + "watching `" + Markdown.inline(incident.first().template()) + "`.");
        }
        if (incident.chain().size() > 1) {
            actions.add(order(incident.chain()));
        }
        if (inv.deploy() == null && inv.obs().deploymentsChecked && incident.onset() != null) {
            actions.add("Check other changes around " + incident.onset() + " (config, infrastructure, traffic): "
                    + "no recorded deployment precedes the first error.");
        }
        List<String> out = new ArrayList<>(actions);
        return out.subList(0, Math.min(MAX, out.size()));
    }
}
