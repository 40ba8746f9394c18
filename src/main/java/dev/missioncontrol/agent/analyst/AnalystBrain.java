package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The built-in analyst: a deterministic investigation playbook for root_cause_analysis and general sessions.
 * Analyse the logs, search for what the person asked about and around the first bad line, match known failure
 * signatures, list the deployments around the onset, record the findings, then write the report. Every decision is
 * derived from the timeline, so a session resumed on another node continues exactly where it stopped.
 */
public final class AnalystBrain implements Brain {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far before the first bad line a deployment is looked for, and how far after (to say it came later). */
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final Duration LOOK_AHEAD = Duration.ofHours(1);
    /** How long after the first bad line the project's metrics are compared with the same length before it. */
    static final Duration METRICS_AFTER = Duration.ofMinutes(30);

    @Override
    public Step next(History h) {
        if (h.hasReport()) {
            return h.unansweredMessage().map(m -> followUp(h, m)).orElse(new Step.Finish(null));
        }
        Observations o = Observations.from(h);
        if (h.entries().stream().noneMatch(e -> e.is("thought"))) {
            return new Step.Note(Step.NoteKind.THOUGHT, plan(o.request), JSON.createObjectNode());
        }
        if (!o.analyzed) {
            return new Step.CallTool("analyze_logs", JSON.createObjectNode());
        }
        Optional<ObjectNode> search = SearchPlan.next(o);
        if (search.isPresent()) {
            return new Step.CallTool("search_logs", search.get());
        }
        if (!o.issuesChecked && !o.sources.isEmpty()) {
            return new Step.CallTool("match_known_issues", JSON.createObjectNode());
        }
        if (!o.deploymentsChecked) {
            return new Step.CallTool("list_deployments", deploymentWindow(o, h));
        }
        Optional<ObjectNode> others = otherServicesWindow(o);
        if (others.isPresent()) {
            return new Step.CallTool("list_deployments", others.get());
        }
        if (o.hasProject && !o.metricsChecked) {
            Instant onset = Incident.of(o.problems(), o.sources).onset();
            if (onset != null) {
                return new Step.CallTool("compare_windows", metricsWindow(onset, h));
            }
        }
        Investigation inv = Investigation.of(o);
        List<Finding> findings = inv.findings();
        if (o.findingsRecorded < findings.size()) {
            Finding f = findings.get(o.findingsRecorded);
            return new Step.Note(Step.NoteKind.FINDING, f.title(), f.data());
        }
        return new Step.Finish(ReportWriter.write(inv));
    }

    /** A question after the report: searched for again when it names a term, else answered from the analysis. */
    private static Step followUp(History h, Entry message) {
        Optional<String> term = FollowUpSearch.term(message.text());
        if (term.isEmpty()) {
            return new Step.Say(FollowUp.answer(message.text(), Investigation.of(h)));
        }
        if (Request.secret(term.get())) {
            return new Step.Say(FollowUpSearch.SECRET);
        }
        return FollowUpSearch.resultAfter(h, message.seq(), term.get())
                .<Step>map(result -> new Step.Say(FollowUpSearch.answer(term.get(), result)))
                .orElseGet(() -> new Step.CallTool("search_logs", FollowUpSearch.call(term.get())));
    }

    private static String plan(Request r) {
        StringBuilder b = new StringBuilder("Plan: analyse the logs");
        if (!r.terms().isEmpty()) {
            b.append(", search for ").append(String.join(", ", r.terms().stream().map(t -> "'" + t + "'").toList()));
        }
        b.append(", match known failure signatures, and list deployments before the first bad line");
        if (r.service() != null) {
            b.append(" (service: ").append(r.service()).append(r.alerts().service() == null ? ""
                    : ", from the alert's label " + r.alerts().service().name()).append(')');
        }
        return b.append('.').toString();
    }

    /**
     * The project's metrics after the first bad line against the same length before it, as the deploy judge compares
     * them: up to {@link #METRICS_AFTER} after, and never past now.
     */
    private static ObjectNode metricsWindow(Instant onset, History h) {
        Instant at = onset.plus(METRICS_AFTER).isBefore(h.now()) ? onset.plus(METRICS_AFTER) : h.now();
        return JSON.createObjectNode().put("deployed_at", onset.toString()).put("at", at.toString());
    }

    /**
     * Every service's deployments from {@link DeployLink#CLOSE} before the first bad line to a rollout's length after
     * it, once the named repository's own were listed: "upstream timeout calling payments-svc" may follow from a
     * deployment of payments, which a list narrowed to checkout never shows ({@link UpstreamNamed}).
     */
    private static Optional<ObjectNode> otherServicesWindow(Observations o) {
        if (o.otherServicesChecked || o.request.repository() == null || o.deploymentsProblem != null) {
            return Optional.empty();
        }
        Instant onset = Incident.of(o.problems(), o.sources).onset();
        return onset == null ? Optional.empty() : Optional.of(JSON.createObjectNode()
                .put("since", onset.minus(DeployLink.CLOSE).toString())
                .put("until", onset.plus(DeployLink.ROLLOUT).toString()).put("limit", 100));
    }

    /**
     * Around the first bad line when the logs carry time; otherwise from the day before the first alert fired, or
     * before the session began, to the session's start ({@link RecentDeployments}).
     */
    private static ObjectNode deploymentWindow(Observations o, History h) {
        Instant onset = Incident.of(o.problems(), o.sources).onset();
        Instant until = onset != null ? onset.plus(LOOK_AHEAD) : h.session().createdAt();
        Instant alerted = o.request.alerts().pasted().start();
        Instant since = (onset != null ? onset : alerted != null && alerted.isBefore(until) ? alerted : until)
                .minus(LOOK_BACK);
        ObjectNode args = JSON.createObjectNode().put("since", since.toString()).put("until", until.toString());
        if (o.request.repository() != null) {
            args.put("repository", o.request.repository());
        }
        return args;
    }
}
