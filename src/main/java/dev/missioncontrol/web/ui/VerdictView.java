package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.deployments.FailingMetrics;
import dev.missioncontrol.monitor.Inconclusive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deployment's verdict (API.md's verdict object) for a page. A deployment the monitor has not judged yet is
 * {@code pending}, as in the API. {@code why} says, for an inconclusive verdict, what kept the monitor from judging
 * and what to do, in the monitor report's words; it is empty otherwise. {@code failed} names the failing metrics of the
 * last check ("1 of 20 metrics failed: …"), which a healthy or marginal score can outvote; empty when none failed.
 * {@code others} are the deployments that landed within the compared windows, whose changes the moves may be.
 */
public record VerdictView(String state, String score, String decidedAt, List<CheckView> checks, String why,
        String failed, List<OtherDeployment> others) {

    /** Another deployment within the compared windows: its page, commit, status and time. */
    public record OtherDeployment(String id, String commit, String status, String at) {
    }

    /** One check: when it ran, each metric's comparison, and why metrics were left out of it. */
    public record CheckView(String at, List<MetricRow> metrics, List<String> problems) {
    }

    static VerdictView of(JsonNode verdict) {
        if (verdict == null || verdict.isNull() || !verdict.isObject()) {
            return new VerdictView("pending", "—", "", List.of(), "", "", List.of());
        }
        List<CheckView> checks = new ArrayList<>();
        verdict.path("checks").forEach(c -> checks.add(new CheckView(c.path("at").asText(""),
                MetricRow.all(c.path("metrics")), texts(c.path("problems")))));
        return new VerdictView(verdict.path("state").asText("pending"), score(verdict.get("score")),
                verdict.path("decided_at").asText(""), checks,
                Inconclusive.explain(verdict, "in the checks below").orElse(""), FailingMetrics.of(verdict),
                others(verdict.path("other_deployments")));
    }

    private static List<OtherDeployment> others(JsonNode array) {
        List<OtherDeployment> others = new ArrayList<>();
        array.forEach(o -> others.add(new OtherDeployment(o.path("id").asText(), Format.sha(
                o.path("commit_sha").asText(null)), o.path("status").asText(""), o.path("created_at").asText(""))));
        return others;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    /**
     * The share of metrics that passed, to the one decimal the judge keeps and decides on: "94.7", which is marginal,
     * not "95", which would read as healthy beside it.
     */
    private static String score(JsonNode score) {
        return score != null && score.isNumber() ? String.format(Locale.ROOT, "%.1f", score.asDouble()) : "—";
    }

    public String badge() {
        return Format.badge(state);
    }

    /** "Healthy by its score, but 1 of 20 metrics failed: …": a failure the score outvoted is said first. */
    public String failedText() {
        return failed.isEmpty() ? "" : FailingMetrics.outvoted(state) ? capitalized(state) + " by its score, but "
                + failed : capitalized(failed);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
