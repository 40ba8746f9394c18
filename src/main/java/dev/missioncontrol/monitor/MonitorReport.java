package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.config.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The deploy monitor's reports: the verdict with the numbers behind it, or why there is none. */
final class MonitorReport {
    /** How the table's figures were found; said only when the table has rows. */
    private static final String SOURCE = "\nSource: each metric after the deploy against the same length of time "
            + "before it (Mann-Whitney U at 98 % confidence; ratio = current / baseline mean). Found by levels: the "
            + "typical value moved; week on week: it moved against last week's same hours; extremes: at least two "
            + "samples went beyond the baseline's highest or lowest value by more than the baseline's whole range "
            + "(effect = how far beyond); record: at least two samples went beyond everything in the history before "
            + "the deploy and last week's same hours, by more than a tenth of that range (effect = how far beyond); "
            + "sustained: the median of an eighth of the window went beyond that of every such stretch of the "
            + "history, by more than half their range (effect = how far beyond); spike: one sample went beyond "
            + "everything known before the deploy by more than a quarter of its range (effect = how far beyond). The "
            + "p-value is the rank test's on the whole windows (found week on week: on both windows less last week's "
            + "same moments); a change found by extremes, a record, a sustained record or a spike stands on its own "
            + "bar, so it can show beside a p-value above 0.02.\n";

    /** Where the report lists what was left out, for sentences that point there. */
    private static final String NOT_CHECKED = "under Not checked";

    private MonitorReport() {
    }

    /**
     * The report of a verified deploy.
     *
     * @param lastCheck the last check event's data: the sources' problems and the other deployments in its windows
     */
    static Report verdict(JsonNode d, Verdict v, JsonNode lastCheck, Duration warmup) {
        JsonNode others = lastCheck.path("other_deployments");
        Check last = v.checks().getLast();
        List<MetricResult> failing = last.metrics().stream().filter(MetricResult::failing).toList();
        String outcome = "Verdict " + stateWord(v) + " for " + deploy(d) + because(v, last, failing);
        StringBuilder md = new StringBuilder("## Summary\n\n").append(outcome).append(". ")
                .append(v.checks().size()).append(" checks after the deploy at ").append(d.path("created_at").asText())
                .append(warmup.isZero() ? "" : " (the first " + DurationText.format(warmup) + " after it left out as "
                        + "the service's warm-up)")
                .append("; the last, at ").append(last.at()).append(", decided it.")
                .append(VerifyDeploy.baselineNote(d, Instant.parse(d.path("created_at").asText()))
                        .map(n -> " " + Character.toUpperCase(n.charAt(0)) + n.substring(1) + ".").orElse(""))
                .append(last.problems().isEmpty() || last.metrics().isEmpty() ? "" : " Some metrics were not judged "
                        + "(under Not checked); the verdict rests on the others.")
                .append("\n\n## Findings\n\n");
        md.append(table(last)).append(last.metrics().isEmpty() ? "" : SOURCE).append(counters(last));
        md.append(overlapping(others));
        md.append("\n## Checks\n\n| at | metrics | failing | score |\n|---|---|---|---|\n");
        for (Check c : v.checks()) {
            md.append("| ").append(c.at()).append(" | ").append(c.metrics().size()).append(" | ")
                    .append(c.metrics().stream().filter(MetricResult::failing).count()).append(" | ")
                    .append(scoreOf(c)).append(" |\n");
        }
        boolean blamed = v.state() == VerdictState.DEGRADED || v.state() == VerdictState.MARGINAL;
        md.append("\n## Recommended actions\n\n").append(others.isEmpty() || !blamed ? ""
                        : "Other deployments landed within the compared windows (above): check whether the move is "
                        + "theirs before rolling this one back.\n\n").append(actions(v, d))
                .append("\n## Not checked\n\n").append(notChecked(last, lastCheck.path("problems")));
        return new Report(md.toString(), outcome, outcome, keyActions(v, d));
    }

    static Report failure(JsonNode d, Optional<Entry> deploys, Optional<Entry> metrics) {
        String outcome = "Deployment failed: " + deploy(d);
        StringBuilder md = new StringBuilder("## Summary\n\n").append(outcome).append(", reported at ")
                .append(d.path("created_at").asText()).append(". Verdict: failed.\n\n## Findings\n\n");
        md.append("- Deployment: ").append(d.path("deployment_request").asText()).append(" (commit ")
                .append(d.path("commit_sha").asText("unknown")).append(", ref ").append(d.path("ref").asText("unknown"))
                .append(")\n");
        if (d.hasNonNull("external_url")) {
            md.append("- CI run: ").append(d.get("external_url").asText()).append("\n");
        }
        Optional<JsonNode> lastGood = lastSuccess(deploys, d);
        lastGood.ifPresent(g -> md.append("- Last successful deployment: ").append(g.path("created_at").asText())
                .append(", commit ").append(g.path("commit_sha").asText("unknown")).append(" (from list_deployments)\n"));
        metrics.ifPresent(m -> md.append("- Metrics around the deploy (query_metrics): ").append(m.text()).append("\n"));
        md.append("\n## Recommended actions\n\n1. Open the CI run and read the failing step's log.\n");
        String where = EnvironmentName.in(d.path("event_metadata"));
        lastGood.ifPresent(g -> md.append("2. ").append(where == null ? "The service" : where)
                .append(" should still run commit ").append(g.path("commit_sha").asText("unknown"))
                .append("; confirm nothing half-deployed is serving traffic.\n"));
        md.append("\n## Not checked\n\n- The deploy tool's own logs: they are not sent to Mission Control.\n");
        return new Report(md.toString(), outcome, outcome, List.of("Read the failing CI step's log"));
    }

    static Report closed(JsonNode d, String what, String detail) {
        String outcome = "Deployment " + what + ": " + deploy(d);
        return new Report("## Summary\n\n" + outcome + ". " + detail + "\n", outcome, outcome, List.of());
    }

    static String stateWord(Verdict v) {
        String score = v.score() == null ? "" : String.format(Locale.ROOT, " (score %.1f)", v.score());
        return v.state().wireName() + score;
    }

    /**
     * Why the verdict is what it is, where a few words can say it: the failing metrics, or for an inconclusive one
     * what kept the metrics out, such as a Prometheus that answered 502; short enough for a CLI to print.
     */
    private static String because(Verdict v, Check last, List<MetricResult> failing) {
        if (!failing.isEmpty()) {
            return ": " + String.join(", ", failing.stream().map(MonitorReport::move).toList());
        }
        return v.state() == VerdictState.INCONCLUSIVE && !last.problems().isEmpty() ? ": " + firstProblem(last) : "";
    }

    /** The first cause that kept metrics out of the check, saying where the others are. */
    private static String firstProblem(Check c) {
        return Inconclusive.firstProblem(c, NOT_CHECKED);
    }

    private static String table(Check last) {
        List<MetricResult> metrics = last.metrics();
        if (metrics.isEmpty()) {
            return Inconclusive.cause(last, NOT_CHECKED) + "\n";
        }
        StringBuilder t = new StringBuilder("| metric | baseline | current | ratio | p-value | result | found by |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (MetricResult m : metrics) {
            t.append("| ").append(m.name()).append(" | ").append(num(m.baseline())).append(" | ")
                    .append(num(m.current())).append(" | ").append(num(m.ratio())).append(" | ")
                    .append(Figures.pValue(m.pValue())).append(" | ")
                    .append(m.result().wireName()).append(m.failing() ? " (failing" + severity(m) + ")" : "")
                    .append(" | ").append(foundBy(m)).append(" |\n");
        }
        return t.toString();
    }

    private static String noDataReason(MetricResult m, Check last) {
        if (last.quiet().contains(m.name())) {
            return m.reason() + ".";
        }
        if (Inconclusive.wentSilent(m)) {
            return "samples before the deploy and none after it: the service may have stopped reporting it, or "
                    + "stopped.";
        }
        if (m.baseline() == null && m.current() != null) {
            return "samples only after the deploy: a metric the deploy brought has nothing before it to be compared "
                    + "with; look at it.";
        }
        if (m.reason() != null && m.baseline() != null && m.current() != null && m.pValue() != null) {
            return m.reason() + ". Lengthen the bake or sample more often.";
        }
        return "fewer than " + MetricJudgement.MIN_SAMPLES + " samples on one side of the deploy. Each side's "
                + "window is as long as the time since the deploy (less any warm-up), so a bake shorter than three "
                + "of the metric's sample intervals (2 minutes of a metric sampled each minute) never holds enough: "
                + "lengthen the bake or sample more often. Few samples before the deploy alone mean a new or sparse "
                + "metric.";
    }


    /** How a pushed counter was judged, when the check has one: its raw running total only ever grows. */
    private static String counters(Check c) {
        return c.metrics().stream().noneMatch(m -> m.name().startsWith("rate(")) ? "" : "\nrate(name): a counter "
                + "pushed as its running total, judged as its increase per second for the whole service, as "
                + "sum(rate(name)) reads it: each label set's increases (a fall is a restart that counted again from "
                + "zero), summed over the label sets.\n";
    }

    /** The other deployments of the project within the compared windows, or nothing. */
    private static String overlapping(JsonNode others) {
        if (others.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n**Other deployments within the compared windows** (a change they "
                + "made counts here too):\n\n");
        others.forEach(o -> b.append("- ").append(o.path("id").asText()).append(", commit ")
                .append(o.path("commit_sha").asText("unknown")).append(", ").append(o.path("status").asText())
                .append(", at ").append(o.path("created_at").asText()).append('\n'));
        return b.toString();
    }

    private static String actions(Verdict v, JsonNode d) {
        return switch (v.state()) {
            case DEGRADED, FAILED -> "1. Roll back " + deploy(d) + " or fix forward; the failing metrics are above.\n"
                    + "2. Look at the logs of the failing paths from " + d.path("created_at").asText() + " on.\n";
            case MARGINAL -> "1. Watch the failing metrics; the deploy moved them, but not enough to call it degraded.\n";
            case INCONCLUSIVE -> "1. " + Inconclusive.action(v.checks().getLast(), NOT_CHECKED)
                    + Inconclusive.untilThen(v.checks()).map(u -> " " + u).orElse("") + "\n";
            default -> "None: the deploy did not move any metric the wrong way.\n";
        };
    }

    private static List<String> keyActions(Verdict v, JsonNode d) {
        return v.state() == VerdictState.DEGRADED ? List.of("Roll back or fix " + deploy(d)) : List.of();
    }

    private static String notChecked(Check last, JsonNode problems) {
        List<String> lines = new ArrayList<>();
        last.metrics().stream().filter(m -> m.result() == Outcome.NODATA)
                .forEach(m -> lines.add("- " + m.name() + ": " + noDataReason(m, last)));
        // a metric that went quiet has its problem as its reason: said once, beside the metric
        List<String> reasons = last.metrics().stream().filter(m -> m.result() == Outcome.NODATA)
                .map(MetricResult::reason).toList();
        problems.forEach(p -> {
            if (!reasons.contains(p.asText())) {
                lines.add("- " + p.asText());
            }
        });
        lines.add("- Logs and traces: the monitor judges metrics only.");
        return String.join("\n", lines) + "\n";
    }

    /**
     * The newest earlier success to the same environment: not an event of the failed rollout itself (its own success
     * event before a failure) and not the failing commit, which would point at the very code that failed.
     */
    private static Optional<JsonNode> lastSuccess(Optional<Entry> deploys, JsonNode failed) {
        if (deploys.isEmpty()) {
            return Optional.empty();
        }
        String environment = String.valueOf(EnvironmentName.in(failed.path("event_metadata")));
        for (JsonNode d : deploys.get().data().path("data")) {
            boolean sameRollout = d.path("session_id").asText().equals(failed.path("session_id").asText("-"))
                    || d.path("commit_sha").asText().equals(failed.path("commit_sha").asText("-"));
            if ("success".equals(d.path("status").asText()) && !sameRollout
                    && String.valueOf(EnvironmentName.in(d.path("event_metadata"))).equalsIgnoreCase(environment)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * What one check found, in a sentence for a person who asks: each failing metric with its move and what found it,
     * or that every metric passed.
     */
    static String findings(Check c) {
        List<MetricResult> failing = c.metrics().stream().filter(MetricResult::failing).toList();
        long counted = c.metrics().stream().filter(MetricResult::counted).count();
        if (failing.isEmpty()) {
            return counted == 0 ? (c.problems().isEmpty() ? "No metric had samples on both sides of the deploy."
                    : "No metric could be judged: " + firstProblem(c) + ".")
                    : "All " + counted + " metrics with data passed.";
        }
        return "Failing: " + String.join("; ", failing.stream().map(m -> move(m) + " (" + foundBy(m) + ")").toList())
                + "; " + (counted - failing.size()) + " of " + counted + " metrics with data passed.";
    }

    private static String move(MetricResult m) {
        return m.name() + " " + m.result().wireName() + (m.ratio() == null ? " from zero"
                : String.format(Locale.ROOT, " %.2fx", m.ratio()));
    }

    private static String foundBy(MetricResult m) {
        String found = m.foundBy() == null ? null : m.foundBy().describe(num(m.effect()));
        EarlierWindows e = m.earlierWindows();
        return EarlierWindows.alongside(found, e == null ? null : e.describe(), "–");
    }

    private static String severity(MetricResult m) {
        return m.severity() == null ? "" : ", " + m.severity().wireName();
    }

    private static String scoreOf(Check c) {
        Verdict v = Judge.decide(List.of(c), c.at());
        return v.score() == null ? "–" : String.format(Locale.ROOT, "%.1f", v.score());
    }

    private static String num(Double v) {
        return Figures.value(v);
    }

    /** "acme/web @ abc1234", with " to staging" when the deploy names its environment (its signals were judged). */
    private static String deploy(JsonNode d) {
        String sha = d.path("commit_sha").asText("");
        String at = sha.isEmpty() ? "" : " @ " + sha.substring(0, Math.min(7, sha.length()));
        String environment = EnvironmentName.in(d.path("event_metadata"));
        String to = environment == null ? "" : " to " + environment;
        return d.path("repository_full_name").asText() + at + to;
    }
}
