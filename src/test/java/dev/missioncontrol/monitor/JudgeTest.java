package dev.missioncontrol.monitor;

import static dev.missioncontrol.monitor.MetricJudgementTest.noisy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JudgeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Verdict verdictOf(List<MetricSamples> metrics) {
        return Judge.decide(List.of(Judge.check(NOW, metrics)), NOW);
    }

    /** Metrics that did not move, so the one under test decides the verdict. */
    private static List<MetricSamples> steady(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> MetricSamples.of("cpu_" + i, noisy(40, 4, 60, i), noisy(40, 4, 60, 1000 + i)))
                .collect(ArrayList::new, List::add, List::addAll);
    }

    @Test
    void metrics_silent_since_the_deploy_are_named_first_among_the_checks_problems_and_the_verdict_is_inconclusive() {
        List<MetricSamples> silent = List.of(MetricSamples.of("error_rate", noisy(0.5, 0.2, 20, 1), new double[0]),
                MetricSamples.of("latency_p95_seconds", noisy(0.2, 0.02, 20, 2), new double[0]));

        Check check = Judge.check(NOW, silent).withProblems(List.of("requests_per_second not checked: it timed out"));

        assertThat(check.problems()).containsExactly("no samples since the deploy for error_rate, latency_p95_seconds "
                + "(had 20 before): the service may be down or no longer reporting",
                "requests_per_second not checked: it timed out");
        assertThat(Judge.decide(List.of(check), NOW).state()).isEqualTo(VerdictState.INCONCLUSIVE);
        assertThat(Judge.check(NOW, steady(2)).problems()).isEmpty();
    }

    @Test
    void a_metric_that_went_quiet_part_way_through_the_watch_gets_no_result_and_alone_leaves_the_verdict_inconclusive() {
        var quiet = List.of(new WentQuiet("error_rate", java.time.Duration.ofSeconds(4),
                java.time.Duration.ofSeconds(20)));
        var errors = MetricSamples.of("error_rate", noisy(0.5, 0.05, 20, 3), noisy(0.5, 0.05, 20, 4));

        Check alone = Judge.check(NOW, List.of(errors), quiet);

        assertThat(alone.metrics().getFirst().result()).isEqualTo(Outcome.NODATA);
        assertThat(alone.metrics().getFirst().reason()).startsWith("no samples for error_rate since +4s of a 20s watch");
        assertThat(alone.problems()).containsExactly(quiet.getFirst().problem());
        assertThat(Judge.decide(List.of(alone), NOW).state()).isEqualTo(VerdictState.INCONCLUSIVE);
    }

    /** An error series the new version never created ends among metrics still reporting, which decide. */
    @Test
    void a_metric_that_went_quiet_among_others_still_reporting_leaves_them_to_decide() {
        var quiet = List.of(new WentQuiet("error_rate", java.time.Duration.ofSeconds(4),
                java.time.Duration.ofSeconds(20)));
        List<MetricSamples> metrics = new ArrayList<>(steady(2));
        metrics.add(MetricSamples.of("error_rate", noisy(0.5, 0.05, 20, 3), noisy(0.5, 0.05, 20, 4)));

        Check check = Judge.check(NOW, metrics, quiet);

        assertThat(check.metrics().getLast().result()).isEqualTo(Outcome.NODATA);
        assertThat(check.problems()).containsExactly(quiet.getFirst().problem());
        Verdict verdict = Judge.decide(List.of(check), NOW);
        assertThat(verdict.state()).isEqualTo(VerdictState.HEALTHY);
        assertThat(verdict.score()).isEqualTo(100.0);
    }

    @Test
    void a_metric_that_failed_before_it_went_quiet_still_fails_the_deploy() {
        var quiet = List.of(new WentQuiet("error_rate", java.time.Duration.ofSeconds(4),
                java.time.Duration.ofSeconds(20)));
        var metrics = List.of(MetricSamples.of("error_rate", noisy(0.5, 0.05, 20, 3), noisy(5, 0.5, 20, 4)));

        Check check = Judge.check(NOW, metrics, quiet);

        assertThat(check.metrics().getFirst().failing()).isTrue();
        assertThat(Judge.decide(List.of(check), NOW).state()).isEqualTo(VerdictState.DEGRADED);
    }

    @Test
    void the_score_has_one_decimal_as_the_api_the_cli_and_webhooks_show_it() {
        List<MetricSamples> metrics = steady(2);
        metrics.add(MetricSamples.of("error_rate", noisy(0.5, 0.2, 60, 1), noisy(6, 1, 60, 2)));

        assertThat(verdictOf(metrics).score()).isEqualTo(66.7);
    }

    @Test
    void flags_error_spike_as_degraded() {
        double[] before = noisy(0.5, 0.2, 60, 1);
        double[] after = noisy(6, 1, 60, 2);

        Verdict verdict = verdictOf(List.of(MetricSamples.of("error_rate", before, after)));

        assertThat(verdict.state()).isEqualTo(VerdictState.DEGRADED);
        assertThat(verdict.score()).isZero();
        assertThat(verdict.decidedAt()).isEqualTo(NOW);
    }

    @Test
    void passes_identical_distributions() {
        double[] latency = noisy(200, 30, 100, 3);

        Verdict verdict = verdictOf(List.of(MetricSamples.of("latency_ms", latency, latency.clone())));

        assertThat(verdict.state()).isEqualTo(VerdictState.HEALTHY);
        assertThat(verdict.score()).isEqualTo(100.0);
    }

    @Test
    void nodata_when_too_few_samples() {
        Verdict verdict = verdictOf(List.of(MetricSamples.of("error_rate", new double[] {1}, new double[] {9, 9})));

        assertThat(verdict.checks().getFirst().metrics().getFirst().result()).isEqualTo(Outcome.NODATA);
        assertThat(verdict.state()).isEqualTo(VerdictState.INCONCLUSIVE);
        assertThat(verdict.score()).isNull();
    }

    @Test
    void a_regression_on_too_few_samples_to_pass_is_inconclusive_not_healthy() {
        Verdict verdict = verdictOf(List.of(MetricSamples.of("latency_seconds", new double[] {0.10, 0.11, 0.09},
                new double[] {1.0, 1.1, 1.2})));

        assertThat(verdict.state()).isEqualTo(VerdictState.INCONCLUSIVE);
        assertThat(verdict.score()).isNull();
    }

    @Test
    void metrics_without_data_do_not_count_toward_the_score() {
        List<MetricSamples> metrics = steady(3);
        metrics.add(MetricSamples.of("error_rate", new double[0], new double[0]));

        assertThat(verdictOf(metrics).score()).isEqualTo(100.0);
    }

    @Test
    void decrease_in_throughput_is_bad() {
        MetricSamples throughput = MetricSamples.of("throughput", noisy(900, 40, 90, 4), noisy(500, 40, 90, 5));

        assertThat(verdictOf(List.of(throughput)).state()).isEqualTo(VerdictState.DEGRADED);
    }

    @Test
    void increase_in_throughput_is_not_a_failure() {
        MetricSamples throughput = MetricSamples.of("throughput", noisy(900, 40, 90, 4), noisy(1400, 40, 90, 5));

        Verdict verdict = verdictOf(List.of(throughput));

        assertThat(verdict.state()).isEqualTo(VerdictState.HEALTHY);
        assertThat(verdict.score()).isEqualTo(100.0);
    }

    @Test
    void critical_ratio_makes_deploy_degraded() {
        // 19 of 20 pass: a score of 95 would be healthy, but the one failure more than doubled.
        List<MetricSamples> metrics = steady(19);
        metrics.add(MetricSamples.of("latency_ms", noisy(100, 10, 60, 6), noisy(250, 10, 60, 7)));

        Verdict verdict = verdictOf(metrics);

        assertThat(verdict.score()).isEqualTo(95.0);
        assertThat(verdict.state()).isEqualTo(VerdictState.DEGRADED);
    }

    @Test
    void a_metric_configured_critical_makes_even_a_minor_failure_degraded() {
        List<MetricSamples> metrics = steady(19);
        metrics.add(new MetricSamples("checkout_latency_ms", noisy(100, 5, 60, 8), noisy(120, 5, 60, 9),
                Direction.INCREASE, true));

        Verdict verdict = verdictOf(metrics);

        assertThat(verdict.checks().getFirst().metrics().getLast().severity()).isEqualTo(Severity.MINOR);
        assertThat(verdict.state()).isEqualTo(VerdictState.DEGRADED);
    }

    @Test
    void a_few_minor_failures_make_the_deploy_marginal() {
        List<MetricSamples> metrics = steady(8);
        metrics.add(MetricSamples.of("latency_ms", noisy(100, 5, 60, 10), noisy(115, 5, 60, 11)));
        metrics.add(MetricSamples.of("error_rate", noisy(10, 1, 60, 12), noisy(12, 1, 60, 13)));

        Verdict verdict = verdictOf(metrics);

        assertThat(verdict.score()).isEqualTo(80.0);
        assertThat(verdict.state()).isEqualTo(VerdictState.MARGINAL);
    }

    @Test
    void the_latest_check_decides() {
        Check early = Judge.check(NOW, List.of(MetricSamples.of("error_rate", new double[] {1}, new double[] {1})));
        Check later = Judge.check(NOW.plusSeconds(300), steady(2));

        Verdict verdict = Judge.decide(List.of(early, later), NOW.plusSeconds(300));

        assertThat(verdict.state()).isEqualTo(VerdictState.HEALTHY);
        assertThat(verdict.checks()).hasSize(2);
    }

    @Test
    void is_pending_before_any_check() {
        assertThat(Judge.decide(List.of(), NOW)).isEqualTo(Verdict.pending());
    }
}
