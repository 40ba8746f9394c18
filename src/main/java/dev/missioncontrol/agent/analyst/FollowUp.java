package dev.missioncontrol.agent.analyst;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Answers a question asked after the report, from the same analysis (searches are {@link FollowUpSearch}'s). */
final class FollowUp {
    private static final Pattern ERRORS = Pattern.compile("(?i)\\b(errors?|show|list|lines?|logs?|failures?)\\b");
    private static final Pattern WHEN = Pattern.compile("(?i)\\b(when|start(ed)?|began|begin|first|since|onset)\\b");
    private static final Pattern CHANGED = Pattern.compile("(?i)\\b(chang\\w*|before|deploy\\w*|release\\w*|commit)\\b");
    static final int MAX_LINES = 8;

    private FollowUp() {
    }

    static String answer(String question, Investigation inv) {
        if (CHANGED.matcher(question).find()) {
            return changes(inv);
        }
        if (WHEN.matcher(question).find()) {
            return String.join("\n", TimelineSection.lines(inv));
        }
        if (ERRORS.matcher(question).find()) {
            return errors(inv);
        }
        return ReportWriter.summary(inv) + "\n\nLikely cause:\n" + ReportWriter.causes(inv)
                + "\nAsk \"show me the errors\", \"when did it start\", \"what changed before?\" or "
                + "\"search for 'some text'\" for more.";
    }

    private static String errors(Investigation inv) {
        List<LogTemplate> problems = inv.incident().involved();
        if (problems.isEmpty()) {
            return "No errors or warnings were found in the logs.";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d kinds of problem lines:%n",
                problems.size()));
        problems.stream().limit(MAX_LINES).forEach(t -> b.append("- ").append(ProblemFindings.describe(t))
                .append("\n  ").append(Markdown.quote(t.firstQuote())).append('\n'));
        return b.toString().strip();
    }

    private static String changes(Investigation inv) {
        Observations o = inv.obs();
        StringBuilder b = new StringBuilder();
        if (inv.deploy() != null) {
            b.append("The last deployment before the first error: ").append(inv.deploy().deployment().prose())
                    .append(", ").append(Spans.of(inv.deploy().before())).append(" before it (")
                    .append(inv.deploy().deployment().createdAt()).append(").\n");
        } else if (o.deploymentsChecked) {
            b.append("No recorded deployment precedes the first error").append(window(o)).append(".\n");
        }
        if (o.analysis != null) {
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
