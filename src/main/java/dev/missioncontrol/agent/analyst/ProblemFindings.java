package dev.missioncontrol.agent.analyst;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings about the problem lines: the incident's templates grouped by the known issue they show (or one finding
 * per template when none matches), then the background noise, then bursts and new patterns.
 */
final class ProblemFindings {
    static final int MAX_GROUPS = 6;
    static final int MAX_PER_GROUP = 4;
    private static final int ADDRESSES = 3;

    private ProblemFindings() {
    }

    static List<Finding> of(Observations o, Incident incident) {
        Map<String, List<LogTemplate>> groups = new LinkedHashMap<>();
        for (LogTemplate t : incident.involved()) {
            KnownIssueMatch issue = o.issueFor(t);
            groups.computeIfAbsent(issue == null ? t.id() : issue.id(), k -> new ArrayList<>()).add(t);
        }
        List<Finding> out = new ArrayList<>();
        groups.values().stream().limit(MAX_GROUPS).forEach(g -> out.add(group(o, incident, g)));
        if (!incident.background().isEmpty()) {
            out.add(background(incident.background()));
        }
        if (!incident.strays().isEmpty()) {
            out.add(strays(incident));
        }
        return out;
    }

    private static Finding strays(Incident incident) {
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "Isolated lines before the incident "
                + "began at %s, each either followed by at least %s without any problem line or a warning more than "
                + "%s ahead of its first error, so they are not taken as its start; check whether they set it off: ",
                incident.onset(), Spans.of(Incident.STRAY_GAP), Spans.of(ActionPlan.TOGETHER)));
        incident.strays().stream().limit(MAX_PER_GROUP).forEach(t -> detail.append(describe(t)).append(' '));
        return new Finding("Earlier isolated problem lines", detail.toString().strip(),
                incident.strays().stream().limit(2).map(LogTemplate::firstQuote).toList());
    }

    private static Finding group(Observations o, Incident incident, List<LogTemplate> templates) {
        LogTemplate lead = templates.get(0);
        KnownIssueMatch issue = o.issueFor(lead);
        long lines = templates.stream().mapToLong(LogTemplate::count).sum();
        String title = String.format(Locale.ROOT, "%s: %,d %s line%s", issue != null ? issue.title()
                : "`" + Markdown.inline(lead.label()) + "`", lines, levelWord(templates), lines == 1 ? "" : "s");
        StringBuilder detail = new StringBuilder();
        if (issue != null) {
            detail.append(issue.diagnosis()).append(' ');
        } else {
            detail.append("Marked as a problem by ").append(lead.problem()).append(". ");
        }
        for (LogTemplate t : templates.subList(0, Math.min(MAX_PER_GROUP, templates.size()))) {
            detail.append(describe(t)).append(' ');
        }
        detail.append(addresses(templates));
        if (incident.first() == lead) {
            detail.append("This is the first bad line of the incident.");
        }
        List<Quote> quotes = templates.stream().limit(MAX_PER_GROUP).map(LogTemplate::firstQuote).toList();
        return new Finding(title, detail.toString().strip(), quotes);
    }

    /** "`template` ×319 (ERROR) in auth-service, from 10:37:30 to 11:07:08." */
    static String describe(LogTemplate t) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "`%s` ×%,d", Markdown.inline(t.template()),
                t.count()));
        if (t.level() != null) {
            b.append(" (").append(t.level()).append(')');
        }
        if (!t.components().isEmpty()) {
            b.append(" in ").append(String.join(", ", t.components()));
        }
        if (t.firstSeen() != null) {
            b.append(t.count() == 1 || t.firstSeen().equals(t.lastSeen()) ? ", at " + t.firstSeen()
                    : ", from " + t.firstSeen() + " to " + t.lastSeen());
        } else {
            b.append(", first at line ").append(t.firstLine()).append(" of ").append(t.source());
        }
        b.append('.');
        if (t.raised() != null && !t.label().contains(t.raised())) {
            b.append(" It raised `").append(Markdown.inline(t.raised())).append("`.");
        }
        if (t.thrownAt() != null) {
            b.append(" Its stack trace reaches the application's own code at `").append(Markdown.inline(t.thrownAt()))
                    .append("`.");
        }
        return b.toString();
    }

    /**
     * "Addresses these lines name most: `5.36.59.76` ×50, …", summed over the group's kinds of line: a brute force
     * spreads one source over "Invalid user", "Failed password" and PAM's lines alike. "about" where a count may be
     * too high, the lines having named more addresses than a template's tally keeps.
     */
    private static String addresses(List<LogTemplate> templates) {
        Map<String, long[]> sum = new LinkedHashMap<>();
        templates.forEach(t -> t.addresses().forEach(a -> {
            long[] c = sum.computeIfAbsent(a.address(), k -> new long[2]);
            c[0] += a.lines();
            c[1] += a.over();
        }));
        List<String> top = sum.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .limit(ADDRESSES).map(e -> String.format(Locale.ROOT, "`%s` %s×%,d", e.getKey(),
                        e.getValue()[1] > 0 ? "about " : "", e.getValue()[0])).toList();
        return top.isEmpty() ? "" : "Addresses these lines name most: " + String.join(", ", top) + ". ";
    }

    private static Finding background(List<LogTemplate> templates) {
        StringBuilder detail = new StringBuilder("These were present from the start of the logs at a steady rate, "
                + "so they are not what changed: ");
        templates.stream().limit(MAX_PER_GROUP).forEach(t -> detail.append(describe(t)).append(' '));
        return new Finding("Background problems that predate the incident", detail.toString().strip(),
                templates.stream().limit(2).map(LogTemplate::firstQuote).toList());
    }

    private static String levelWord(List<LogTemplate> templates) {
        if (templates.stream().anyMatch(LogTemplate::isError)) {
            return "error";
        }
        return templates.stream().anyMatch(t -> t.warnings() > 0) ? "warning" : "problem";
    }
}
