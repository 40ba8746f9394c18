package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.agent.History;
import dev.missioncontrol.alerts.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the analyst concludes from the tool results on the timeline. A pure function of the history: the
 * report, the findings and the answers to follow-up questions are all derived from it.
 */
record Investigation(Observations obs, Incident incident, List<DeployLink> deploys, List<TrendSeen> trends,
                     List<Finding> findings, List<Hypothesis> hypotheses) {

    static final int MAX_FINDINGS = 10;

    static Investigation of(History h) {
        return of(Observations.from(h));
    }

    static Investigation of(Observations o) {
        Incident incident = Incident.of(o.problems(), o.sources);
        List<DeployLink> deploys = DeployLink.ranked(o.deployments, incident, o.request,
                Startup.before(o.templates, incident.onset()));
        List<TrendSeen> trends = o.trends().stream().limit(3).toList();
        // the alert that paged the person first: how it lines up with the logs is what they asked about
        List<Finding> findings = new ArrayList<>(AlertFinding.of(o, incident).stream().toList());
        findings.addAll(SearchFindings.of(o));
        findings.addAll(ProblemFindings.of(o, incident));
        PodDescription.finding(o).ifPresent(findings::add);
        trends.forEach(t -> findings.add(new Finding("Trend: " + t.describe(), "Fitted over the numbers of one "
                + "repeated line; the first and last readings are quoted.", List.of(t.first(), t.last()))));
        if (!deploys.isEmpty()) {
            findings.add(deployFinding(deploys, incident, o));
        }
        metricsFinding(o, incident).ifPresent(findings::add);
        if (incident.isEmpty()) {
            findings.add(quiet(o));
        }
        findings.addAll(SearchFindings.unmatchedDescriptions(o));
        List<Finding> capped = findings.subList(0, Math.min(MAX_FINDINGS, findings.size()));
        Investigation inv = new Investigation(o, incident, deploys, trends, List.copyOf(capped),
                Hypotheses.of(o, incident, deploys, trends));
        return RecentDeployments.finding(inv).map(inv::with).orElse(inv);
    }

    /** The same investigation with one more finding, placed first: what there is to say when the logs say nothing. */
    private Investigation with(Finding first) {
        List<Finding> more = new ArrayList<>(List.of(first));
        more.addAll(findings.subList(0, Math.min(MAX_FINDINGS - 1, findings.size())));
        return new Investigation(obs, incident, deploys, trends, List.copyOf(more), hypotheses);
    }

    /** The first suspect among the deployments before the first bad line ({@link DeployLink#ranked}), or null. */
    DeployLink deploy() {
        return deploys.isEmpty() ? null : deploys.get(0);
    }

    /** Other services' deployments around the first bad line, as context ({@link OtherServices}). */
    List<DeploymentSeen> otherServices() {
        return OtherServices.around(obs.deployments, incident, obs.request);
    }

    /**
     * The first suspect deployment, those that landed after it but rank lower, with the reason, and other services'
     * deployments around then.
     */
    private static Finding deployFinding(List<DeployLink> deploys, Incident incident, Observations o) {
        DeployLink first = deploys.get(0);
        StringBuilder detail = new StringBuilder(first.deployment().prose() + " at " + first.deployment().createdAt()
                + "; the first bad line is at " + incident.onset() + (first.recordedAfter() ? "; "
                + DeployLink.RECORDED_AT_END : "") + ".");
        if (first.ranking() != null) {
            detail.append(' ').append(first.ranking());
        }
        String others = OtherServices.sentence(o.deployments, incident, o.request);
        detail.append(others.isEmpty() ? "" : " ").append(others);
        return new Finding("A deployment " + first.when(),
                detail.toString(), deploys.stream().map(DeployLink::quote).toList());
    }

    /** The project's metrics around the first bad line: which moved the bad way, or that none did. */
    private static Optional<Finding> metricsFinding(Observations o, Incident incident) {
        String how = "compare_windows: the project's metrics after " + incident.onset() + " against the same "
                + "length of time before it (Mann-Whitney U at 98 % confidence, as the deploy monitor judges them).";
        String usual = o.ordinaryMoves.isEmpty() ? "" : "; moved no further than they often did before: "
                + String.join("; ", o.ordinaryMoves.stream().map(MetricMove::describe).toList());
        if (!o.metricMoves.isEmpty()) {
            return Optional.of(new Finding("Metrics moved at the first bad line: " + String.join("; ",
                    o.metricMoves.stream().map(MetricMove::describe).toList()) + usual, how, List.of()));
        }
        if (o.metricsChecked && o.metricsProblem == null && o.metricsCompared > 0) {
            return Optional.of(new Finding("None of the project's " + o.metricsCompared
                    + " metrics moved the bad way at the first bad line" + usual, how, List.of()));
        }
        return Optional.empty();
    }

    /** Nothing in the logs reads as a problem. */
    boolean noProblem() {
        return incident.isEmpty() && hypotheses.isEmpty();
    }

    /**
     * The alert that paged, when one the request carried is still firing: then a quiet or missing log is no sign
     * that nothing is wrong, only that the logs sent do not show it.
     */
    Optional<Alert> firing() {
        return obs.request.alerts().pasted().lead().filter(Alert::firing);
    }

    /**
     * What the logs say when nothing is wrong: their size and their most common lines. A line with a level is
     * judged by it alone, so an INFO line may well say "errors=0" or "previous attempt failed": the detail says what
     * was judged, not that no such word occurs.
     */
    private static Finding quiet(Observations o) {
        if (o.sources.isEmpty()) {
            return new Finding("No logs to analyse", "The request carried no logs (context.logs) and no other "
                    + "captured output.", List.of());
        }
        String detail = Markdown.count(o.events(), "event") + " in " + String.join(", ",
                o.sources.stream().map(LogSourceStats::name).toList()) + ": none is marked as an error or a warning "
                + "(none at ERROR or WARN level, and none of those without a level names a failure).";
        List<Quote> quotes = o.templates.stream().limit(2).map(LogTemplate::firstQuote).toList();
        return new Finding("No errors or warnings in the logs", detail, quotes);
    }

    String outcome() {
        if (noProblem()) {
            String quiet = obs.sources.isEmpty() ? "No logs to analyse" : "No problem found in the logs";
            return firing().map(a -> "Alert " + AlertMoments.name(a) + " is firing; " + quiet.toLowerCase(Locale.ROOT))
                    .orElse(quiet);
        }
        return hypotheses.isEmpty() ? "Problems found; no cause identified"
                : "Likely cause: " + Markdown.plain(hypotheses.get(0).title(), Markdown.INLINE_CHARS);
    }

    List<String> actions() {
        return ActionPlan.of(this);
    }
}
