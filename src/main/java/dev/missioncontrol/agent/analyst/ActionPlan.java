package dev.missioncontrol.agent.analyst;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Recommended actions in order: the top hypotheses' remedies first, then checks that confirm or rule them out. */
final class ActionPlan {
    static final int MAX = 6;

    private ActionPlan() {
    }

    static List<String> of(Investigation inv) {
        Set<String> actions = new LinkedHashSet<>();
        if (inv.noProblem()) {
            actions.add("Nothing to fix from these logs. If users still see a problem, send the logs of the "
                    + "affected service for the time it happened, and any error message they saw.");
            return new ArrayList<>(actions);
        }
        inv.hypotheses().forEach(h -> actions.add(h.action()));
        Incident incident = inv.incident();
        if (Boolean.TRUE.equals(incident.stillHappening())) {
            actions.add("It was still happening when the logs end: confirm with fresh logs after each step, "
                    + "watching `" + Markdown.inline(incident.first().template()) + "`.");
        }
        if (incident.chain().size() > 1) {
            actions.add("Start with " + incident.chain().get(0).component() + ", where errors began; the other "
                    + "components failed after it.");
        }
        if (inv.deploy() == null && inv.obs().deploymentsChecked && incident.onset() != null) {
            actions.add("Check other changes around " + incident.onset() + " (config, infrastructure, traffic): "
                    + "no recorded deployment precedes the first error.");
        }
        List<String> out = new ArrayList<>(actions);
        return out.subList(0, Math.min(MAX, out.size()));
    }
}
