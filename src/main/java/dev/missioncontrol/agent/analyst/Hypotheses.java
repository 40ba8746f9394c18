package dev.missioncontrol.agent.analyst;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks the candidate causes: a deployment just before the first bad line, the known failure signatures the
 * incident's lines match, the earliest failure when no signature explains it, and measurements nearing a limit.
 */
final class Hypotheses {
    /** A signature with at least this share of the largest signature's lines is a main problem too. */
    static final double MAJOR_SHARE = 0.5;
    static final int MAX = 5;
    /**
     * A signature is a likely cause only with a few lines behind it, or with fewer, a tenth of the incident's and at
     * least half as many as match no signature: one "connection reset" among 1,373 failed logins explains nothing,
     * however few lines the other signatures matched, and neither does one "HTTP 429", even the first bad line,
     * beside six validation errors that no signature explains.
     */
    static final int SUBSTANTIAL_LINES = 3;

    private Hypotheses() {
    }

    static List<Hypothesis> of(Observations o, Incident incident, List<DeployLink> deploys, List<TrendSeen> trends) {
        List<Hypothesis> out = new ArrayList<>();
        deploys.forEach(d -> out.add(deployment(d, incident)));
        out.addAll(knownIssues(o, incident));
        LogTemplate first = incident.first();
        if (first != null && o.issueFor(first) == null) {
            out.add(firstFailure(incident));
        }
        trends.stream().filter(TrendSeen::nearLimit).forEach(t -> out.add(new Hypothesis(Hypothesis.Kind.TREND,
                t.label() + " is running out", t.lastValue() >= 95 ? Confidence.HIGH : Confidence.MEDIUM,
                t.describe() + ".", "A trend in one template's numbers; the limit itself is inferred from the "
                + "percentage.", "Find what consumes " + t.label() + " and relieve it before it reaches 100%.",
                List.of(t.first(), t.last()), t.first().at())));
        // as sure of two causes, the earlier comes first: by time, or by line where the logs carry none
        out.sort(Comparator.comparing(Hypothesis::confidence)
                .thenComparing(h -> h.since() == null ? Instant.MAX : h.since())
                .thenComparingLong(h -> h.evidence().isEmpty() ? Long.MAX_VALUE : h.evidence().get(0).line()));
        return out.subList(0, Math.min(MAX, out.size()));
    }

    private static boolean substantial(long lines, Incident incident, Observations o) {
        long all = incident.involved().stream().mapToLong(LogTemplate::count).sum();
        long unexplained = incident.involved().stream().filter(t -> o.issueFor(t) == null)
                .mapToLong(LogTemplate::count).sum();
        return lines >= SUBSTANTIAL_LINES || lines * 10 >= all && lines * 2 >= unexplained;
    }

    static Hypothesis deployment(DeployLink d, Incident incident) {
        LogTemplate first = incident.first();
        String supports = timing(d, first) + (d.ranking() == null || d.alternative() ? "" : " " + d.ranking());
        String weakens = (d.alternative() ? d.ranking() + " " : "") + (d.caveat() == null ? "" : d.caveat() + " ")
                + (d.recordedAfter() && d.started() == null ? "No line in the logs shows the application starting "
                + "shortly before the first error. " : "")
                + (d.before().compareTo(DeployLink.CLOSE) > 0
                ? "The gap is long enough for other changes to have happened in between."
                : "Timing only: the deployment's diff was not inspected.");
        String action = d.alternative() || d.caveat() != null && d.confidence() == Confidence.LOW
                ? "Check whether " + d.deployment().prose() + " can affect what fails before rolling it back."
                : "Roll back " + d.deployment().prose() + ", or fix forward, and check its diff against the first "
                + "error.";
        List<Quote> evidence = new ArrayList<>(List.of(d.quote(), first.firstQuote()));
        Optional.ofNullable(d.started()).flatMap(Startup::quote).ifPresent(evidence::add);
        return new Hypothesis(Hypothesis.Kind.DEPLOYMENT, "The " + d.deployment().prose() + ", which " + d.when(),
                d.confidence(), supports, weakens, action, List.copyOf(evidence), d.deployment().createdAt());
    }

    /**
     * When it landed against the first bad line (for one recorded after it, why it may still be the cause), and the
     * application's start around then, which is when its new version began to serve.
     */
    private static String timing(DeployLink d, LogTemplate first) {
        String line = String.format(Locale.ROOT, "`%s`", Markdown.inline(first.label()));
        String when = d.recordedAfter()
                ? String.format(Locale.ROOT, "It was recorded at %s, %s after the first bad line (%s: %s); %s.",
                d.deployment().createdAt(), Spans.of(d.before()), first.firstSeen(), line, DeployLink.RECORDED_AT_END)
                : String.format(Locale.ROOT, "It landed at %s and the first bad line followed %s later, at %s: %s.",
                d.deployment().createdAt(), Spans.of(d.before()), first.firstSeen(), line);
        return when + (d.started() == null ? "" : " The logs show the application starting: "
                + d.started().describe(first.firstSeen()) + ".");
    }

    private static List<Hypothesis> knownIssues(Observations o, Incident incident) {
        long largest = Math.max(1, o.issues.stream().mapToLong(m -> linesOf(o, incident, m)).max().orElse(1));
        Set<String> claimed = new LinkedHashSet<>();
        List<Consequences.Matched> out = new ArrayList<>();
        for (KnownIssueMatch m : o.issues) {
            List<LogTemplate> shown = m.templateIds().stream().map(o::template)
                    .filter(t -> t != null && incident.involved().contains(t)).toList();
            Set<String> ids = new LinkedHashSet<>(shown.stream().map(LogTemplate::id).toList());
            if (shown.isEmpty() || claimed.containsAll(ids)) {
                continue; // lines stronger signatures already explain add nothing under a weaker one
            }
            claimed.addAll(ids);
            long lines = shown.stream().mapToLong(LogTemplate::count).sum();
            boolean first = shown.contains(incident.first());
            boolean major = first || lines >= MAJOR_SHARE * largest;
            Confidence c = major && substantial(lines, incident, o) ? Confidence.HIGH
                    : shown.stream().anyMatch(LogTemplate::isError) ? Confidence.MEDIUM : Confidence.LOW;
            String supports = String.format(Locale.ROOT, "%,d matching line%s%s. %s", lines, lines == 1 ? "" : "s",
                    first ? ", including the incident's first bad line" : "", m.diagnosis());
            out.add(new Consequences.Matched(m, new Hypothesis(Hypothesis.Kind.SIGNATURE, m.title(), c, supports,
                    alternatives(o, m, ids), m.remediation() + startAt(shown),
                    shown.stream().limit(2).map(LogTemplate::firstQuote).toList(), firstSeen(shown))));
        }
        return Consequences.fold(out);
    }

    /** Where to open the code: the first frame of the application's own code any of the lines' traces shows. */
    private static String startAt(List<LogTemplate> shown) {
        return shown.stream().map(LogTemplate::thrownAt).filter(Objects::nonNull).findFirst()
                .map(f -> " The stack trace's first frame in your own code: `" + Markdown.inline(f) + "`.").orElse("");
    }

    /** When the earliest of the lines showing a signature was logged; null when none carries a time. */
    private static Instant firstSeen(List<LogTemplate> shown) {
        return shown.stream().map(LogTemplate::firstSeen).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static long linesOf(Observations o, Incident incident, KnownIssueMatch m) {
        return m.templateIds().stream().map(o::template).filter(t -> t != null && incident.involved().contains(t))
                .mapToLong(LogTemplate::count).sum();
    }

    /** Other signatures the same lines match, which a reader should weigh against this one. */
    private static String alternatives(Observations o, KnownIssueMatch m, Set<String> ids) {
        List<String> others = o.issues.stream().filter(i -> i != m && i.templateIds().stream().anyMatch(ids::contains))
                .map(KnownIssueMatch::title).limit(3).toList();
        if (!others.isEmpty()) {
            return "The same lines also match: " + String.join("; ", others) + ".";
        }
        return "Matched by the text of the lines only" + (o.metricsChecked && o.metricsCompared > 0
                ? "; the metrics above show when things moved, not which signature caused it."
                : "; no metrics were checked.");
    }

    private static Hypothesis firstFailure(Incident incident) {
        LogTemplate first = incident.first();
        String where = first.component() == null ? first.source() : first.component();
        int followers = incident.chain().size() - 1;
        String supports = "It is the earliest problem line" + (first.firstSeen() == null ? ""
                : " (" + first.firstSeen() + ")") + (followers > 0 ? "; " + followers
                + " other component(s) started failing after it" : "") + ".";
        return new Hypothesis(Hypothesis.Kind.FIRST_FAILURE, "The first failure: `" + Markdown.inline(first.label()) + "` in " + where,
                Confidence.MEDIUM, supports, "No known failure signature matches it, so its cause is not named.",
                "Investigate " + where + " first, starting from the quoted line." + startAt(List.of(first)),
                List.of(first.firstQuote()), first.firstSeen());
    }
}
