package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Answers "what changed?": the deployments before the first error (or recorded within a rollout's length after it) as
 * the report ranked them, those that landed later (which cannot have caused it, and saying so answers "was it the
 * deploy?" as well), and the log lines whose rate changed.
 */
final class FollowUpChanges {
    private FollowUpChanges() {
    }

    static String answer(Investigation inv) {
        Observations o = inv.obs();
        StringBuilder b = new StringBuilder();
        List<DeployLink> ranked = inv.deploys();
        if (!ranked.isEmpty()) {
            DeployLink first = ranked.get(0);
            b.append("The deployment the report ties to the first error: ").append(first.deployment().prose())
                    .append(" at ").append(first.deployment().createdAt()).append(", which ").append(first.when())
                    .append(first.recordedAfter() ? "; " + DeployLink.RECORDED_AT_END : "").append(".\n");
            ranked.stream().skip(1).forEach(l -> b.append("Also a candidate, ranked lower: ")
                    .append(l.deployment().prose()).append(", which ").append(l.when()).append(".\n"));
            String others = OtherServices.sentence(o.deployments, inv.incident(), o.request);
            b.append(others).append(others.isEmpty() ? "" : "\n");
        } else if (o.deploymentsChecked) {
            b.append("No recorded deployment precedes the first error").append(window(o)).append(".\n");
        } else {
            // a session the LLM began and handed over may never have listed them: "nothing changed" would be a guess
            b.append("Deployments were not looked at in this session, so none can be named or ruled out.\n");
        }
        DeployLink.after(o.deployments, inv.incident(), o.request).forEach(d -> b.append("The ").append(d.prose())
                .append(" landed at ").append(d.createdAt()).append(", ")
                .append(Spans.of(Duration.between(inv.incident().onset(), d.createdAt())))
                .append(" after the first error, longer than a rollout takes, so it cannot have caused it.\n"));
        if (o.analysis != null && !o.analysis.path("rate_changes").isEmpty()) {
            b.append("Log lines whose rate changed:\n");
            o.analysis.path("rate_changes").forEach(c -> b.append("- ").append(c.path("kind").asText()
                    .toLowerCase(Locale.ROOT)).append(" in the last part of the logs: `")
                    .append(Markdown.inline(c.path("template").asText())).append("`\n"));
        }
        return b.isEmpty() ? "No change was found: no deployments were listed and no log pattern changed rate."
                : b.toString().strip();
    }

    private static String window(Observations o) {
        if (o.deploymentWindow == null || !o.deploymentWindow.has("since")) {
            return "";
        }
        return " (searched " + o.deploymentWindow.path("since").asText() + " to "
                + o.deploymentWindow.path("until").asText() + ")";
    }
}
