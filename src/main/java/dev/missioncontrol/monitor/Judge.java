package dev.missioncontrol.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;

/**
 * Turns metric comparisons into the deploy's verdict. The score is pass / (pass + failing) x 100
 * over metrics with data: 95 or more is healthy, 75 or more marginal, anything lower degraded.
 * A metric that moved the harmless way (throughput up) counts as a pass.
 */
public final class Judge {

    static final double HEALTHY_SCORE = 95;
    static final double MARGINAL_SCORE = 75;

    private Judge() {
    }

    /**
     * Compares every metric once, at the given moment. Metrics that fell silent at the deploy are named in the check's
     * problems: a CI log prints an inconclusive verdict's first problem, and "0 samples after it" per metric did not
     * say that the service may be down.
     */
    public static Check check(Instant at, List<MetricSamples> metrics) {
        return check(at, metrics, List.of());
    }

    /**
     * Compares every metric once, at the given moment, some of which went {@code quiet} part-way through the watch.
     * Those are named in the problems after the silent ones, and one that did not fail is left without a result: its
     * first seconds after the deploy passing say nothing of a service that then stopped. When every metric went quiet,
     * none is counted and the verdict is inconclusive; one series ending among others still reporting (an error series
     * the new version never created) does not outweigh them.
     */
    public static Check check(Instant at, List<MetricSamples> metrics, List<WentQuiet> quiet) {
        List<String> names = quiet.stream().map(WentQuiet::metric).toList();
        List<MetricResult> results = metrics.stream().map(MetricJudgement::judge)
                .map(r -> names.contains(r.name()) && !r.failing() ? stoppedReporting(r, quiet) : r).toList();
        List<String> problems = new ArrayList<>(silence(metrics));
        quiet.forEach(q -> problems.add(q.problem()));
        return new Check(at, results, problems, names);
    }

    private static MetricResult stoppedReporting(MetricResult r, List<WentQuiet> quiet) {
        String why = quiet.stream().filter(q -> q.metric().equals(r.name())).findFirst().orElseThrow().problem();
        return new MetricResult(r.name(), r.baseline(), r.current(), r.ratio(), r.pValue(), Outcome.NODATA, null,
                null, r.direction(), r.critical(), null, null, why);
    }

    /**
     * "no samples since the deploy for error_rate, latency_p95_seconds (had 20 before): the service may be down or no
     * longer reporting", or nothing when every metric with samples before the deploy has some after it.
     */
    private static List<String> silence(List<MetricSamples> metrics) {
        // a metric gone infinite since the deploy is no silence: it is judged, and fails
        List<MetricSamples> silent = metrics.stream().filter(m -> m.baseline().length > 0 && m.current().length == 0
                && MetricJudgement.unbounded(m.infinite()).isEmpty()).toList();
        if (silent.isEmpty()) {
            return List.of();
        }
        IntSummaryStatistics before = silent.stream().mapToInt(m -> m.baseline().length).summaryStatistics();
        String had = before.getMin() == before.getMax() ? String.valueOf(before.getMax())
                : before.getMin() + " to " + before.getMax();
        return List.of("no samples since the deploy for " + String.join(", ", silent.stream()
                .map(MetricSamples::name).toList()) + " (had " + had + " before): the service may be down or no "
                + "longer reporting");
    }

    /**
     * Decides from the latest check: each check's post-deploy window holds everything since the
     * deploy, so the latest one has the most evidence. Earlier checks stay in the verdict as the
     * record of how it got there.
     */
    public static Verdict decide(List<Check> checks, Instant decidedAt) {
        if (checks.isEmpty()) {
            return Verdict.pending();
        }
        List<MetricResult> latest = checks.getLast().metrics();
        List<MetricResult> counted = latest.stream().filter(MetricResult::counted).toList();
        if (counted.isEmpty()) {
            return new Verdict(VerdictState.INCONCLUSIVE, null, checks, decidedAt);
        }
        long failing = counted.stream().filter(MetricResult::failing).count();
        // one decimal, as every reader shows it (66.7, not 66.66666666666667); the state is of the score shown
        double score = Math.round(1000.0 * (counted.size() - failing) / counted.size()) / 10.0;
        boolean criticalFailure = counted.stream().anyMatch(m -> m.failing() && m.critical());
        return new Verdict(state(score, criticalFailure), score, checks, decidedAt);
    }

    /**
     * Whether a degraded check before the last may end the watch. Every check is one more chance for ordinary
     * wander to pass for a regression (nine looks at 5 % each could fail a third of good deploys), so an early
     * check must be convincing at the false-alarm share divided by the number of checks (Bonferroni): every
     * failing metric's move must be that rare among its earlier windows. At nine checks that takes 179 earlier
     * pairs none of which moved as much; a failure with less history to weigh it against waits for the last check.
     * So does a record: the earlier windows lie within the history it beat, so none of them can match it, and
     * their count is no evidence (at an early check, a few samples beating a short history is no rarity).
     * A metric gone infinite in its bad direction ({@link FoundBy#UNBOUNDED}) settles at once, whatever the other
     * metrics show: the samples it counts only grow as the window after the deploy does, so every later check would
     * fail it too, its failure is critical, so the verdict is degraded however the others end, and waiting out the
     * bake would only delay a total outage's alert (whose traffic falls too, often with no history to weigh it).
     */
    public static boolean settlesEarly(Check check, int checks) {
        double share = EarlierWindows.ORDINARY_SHARE / Math.max(1, checks);
        List<MetricResult> failing = check.metrics().stream().filter(MetricResult::failing).toList();
        return failing.stream().anyMatch(m -> m.foundBy() == FoundBy.UNBOUNDED)
                || failing.stream().allMatch(m -> m.earlierWindows() != null && m.earlierWindows().pValue() <= share
                        && (m.foundBy() == null || !m.foundBy().againstHistory()));
    }

    private static VerdictState state(double score, boolean criticalFailure) {
        if (criticalFailure || score < MARGINAL_SCORE) {
            return VerdictState.DEGRADED;
        }
        return score >= HEALTHY_SCORE ? VerdictState.HEALTHY : VerdictState.MARGINAL;
    }
}
