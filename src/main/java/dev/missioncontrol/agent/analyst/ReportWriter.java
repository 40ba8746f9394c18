package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.agent.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the report API.md asks for: Summary, Findings, Likely cause, Timeline, Recommended actions, Not checked. */
final class ReportWriter {
    static final int KINDS_IN_SUMMARY = 5;
    static final int SUMMARY_CHARS = 120;

    private ReportWriter() {
    }

    static Report write(Investigation inv) {
        String summary = summary(inv);
        List<String> actions = inv.actions();
        StringBuilder md = new StringBuilder();
        md.append("## Summary\n\n").append(summary).append("\n\n## Findings\n\n");
        int n = 1;
        for (Finding f : inv.findings()) {
            md.append("### ").append(n++).append(". ").append(f.title()).append("\n\n");
            if (!f.detail().isBlank()) {
                md.append(f.detail()).append("\n\n");
            }
            f.evidence().forEach(q -> md.append(Markdown.quote(q)).append('\n'));
            md.append(f.evidence().isEmpty() ? "" : "\n");
        }
        md.append("## Likely cause\n\n").append(causes(inv)).append("\n## Timeline\n\n");
        TimelineSection.lines(inv).forEach(l -> md.append(l).append('\n'));
        md.append("\n## Recommended actions\n\n");
        for (int i = 0; i < actions.size(); i++) {
            md.append(i + 1).append(". ").append(actions.get(i)).append('\n');
        }
        md.append("\n## Not checked\n\n");
        NotChecked.lines(inv).forEach(l -> md.append("- ").append(l).append('\n'));
        return new Report(md.toString(), summary, inv.outcome(), actions);
    }

    static String causes(Investigation inv) {
        if (inv.hypotheses().isEmpty()) {
            if (inv.noProblem() && inv.firing().isPresent()) {
                return "No cause to rank: alert " + AlertMoments.name(inv.firing().get()) + " says when the problem "
                        + "showed, and " + (inv.obs().sources.isEmpty() ? "no logs came with the request"
                        : "the logs sent show no problem") + " to say why.\n";
            }
            return inv.noProblem() ? "No cause to rank: nothing in the logs points to a problem.\n"
                    : "No cause could be ranked from these logs; see the findings.\n";
        }
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (Hypothesis h : inv.hypotheses()) {
            b.append(n++).append(". **").append(h.title()).append("** (confidence: ").append(h.confidence().word())
                    .append(")\n   - Supports: ").append(h.supports()).append("\n   - Weakens: ").append(h.weakens())
                    .append('\n');
            h.evidence().forEach(q -> b.append("   ").append(Markdown.quote(q)).append('\n'));
        }
        return b.toString();
    }

    static String summary(Investigation inv) {
        StringBuilder b = new StringBuilder();
        if (inv.noProblem()) {
            b.append(nothingWrong(inv.obs()));
            if (!RecentDeployments.of(inv).isEmpty()) {
                b.append(" The latest deployment: ").append(RecentDeployments.latest(inv));
            }
        } else {
            problem(inv, b);
        }
        AlertFinding.headline(inv.obs(), inv.incident()).ifPresent(h -> b.append(' ').append(h).append('.'));
        for (SearchOutcome s : inv.obs().searches) {
            // a describing word no line holds says nothing beside the problem found
            if (s.fromPrompt() && (inv.incident().isEmpty() || !SearchFindings.unmatchedDescription(inv.obs(), s))) {
                b.append(s.total() == 0 ? " No '" + s.query() + "' log lines found."
                        : String.format(Locale.ROOT, " '%s' appears in %,d line%s.", s.query(), s.total(),
                        s.total() == 1 ? "" : "s"));
            }
        }
        return b.toString().strip();
    }

    /**
     * What a quiet analysis read. Without the service's own logs, "no problem found" in a pasted {@code kubectl get
     * pod} line would read as a verdict on the service, so the summary says there were none to read.
     */
    private static String nothingWrong(Observations o) {
        if (o.sources.isEmpty()) {
            return o.request.alerts().pasted().isEmpty() ? "Nothing analysed: the request carried no logs."
                    : "Only the request's alerts were read: it carried no logs.";
        }
        long events = o.events();
        String none = (events == 1 ? " holds" : " hold") + " no errors or warnings.";
        if (!o.hasServiceLogs()) {
            return "No service logs to read: the request carried no `context.logs`, and the "
                    + Markdown.count(events, "event") + " of " + String.join(", ", o.sources.stream()
                    .map(LogSourceStats::name).toList()) + none;
        }
        return "No problem found: the " + Markdown.count(events, "log event") + " available" + none;
    }

    private static void problem(Investigation inv, StringBuilder b) {
        int named = causes(inv, b);
        LogTemplate first = inv.incident().first();
        if (first != null) {
            b.append("The first bad line ").append(first.firstSeen() != null ? "(" + first.firstSeen() + ")"
                    : "(line " + first.firstLine() + " of " + first.source() + ")").append(" is `")
                    .append(Markdown.cut(first.label(), SUMMARY_CHARS)).append("`. ");
            b.append("Problem lines by kind: ").append(kinds(inv.incident())).append('.');
            Boolean still = inv.incident().stillHappening();
            if (still != null) {
                b.append(still ? " It was still happening when the logs end."
                        : " It stopped at " + inv.incident().lastBad() + ".");
            }
        }
        List<String> others = inv.hypotheses().stream().skip(named).limit(3)
                .map(h -> h.title() + " (" + h.confidence().word() + ")").toList();
        if (!others.isEmpty()) {
            b.append(" Other candidates: ").append(String.join("; ", others)).append('.');
        }
    }

    /** Names the leading cause, or the several independent ones; answers how many hypotheses it named. */
    private static int causes(Investigation inv, StringBuilder b) {
        if (inv.hypotheses().isEmpty()) {
            return 0;
        }
        Hypothesis top = inv.hypotheses().get(0);
        List<Hypothesis> high = inv.hypotheses().stream().filter(h -> h.confidence() == Confidence.HIGH).toList();
        if (high.size() <= 1 || top.kind() == Hypothesis.Kind.DEPLOYMENT) {
            b.append("Most likely cause (").append(top.confidence().word()).append(" confidence): ")
                    .append(top.title()).append(". ");
            return 1;
        }
        // several failure mechanisms and no change tying them together: each is a problem in its own right
        b.append("Several problems at once, each with high confidence: ")
                .append(String.join("; ", high.stream().map(Hypothesis::title).toList())).append(". ");
        return high.size();
    }

    /**
     * The incident's kinds of problem line by label, most frequent first. Templates that read the same once cut
     * (one message from two sources, or with different variable parts) are one kind to a reader, so they count
     * together instead of standing side by side as "`Peer down` ×1; `Peer down` ×1".
     */
    private static String kinds(Incident incident) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        incident.involved().forEach(t -> byLabel.merge(Markdown.cut(t.label(), SUMMARY_CHARS), t.count(), Long::sum));
        return String.join("; ", byLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(KINDS_IN_SUMMARY)
                .map(e -> String.format(Locale.ROOT, "`%s` ×%,d", e.getKey(), e.getValue())).toList());
    }
}
