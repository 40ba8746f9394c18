package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.DoubleStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MetricJudgementTest {

    /** Normal noise around a level, the same for every run. */
    static double[] noisy(double level, double spread, int count, long seed) {
        Random random = new Random(seed);
        return DoubleStream.generate(() -> level + spread * random.nextGaussian()).limit(count).toArray();
    }

    @Test
    void passes_identical_distributions() {
        double[] latency = noisy(120, 15, 200, 1);

        MetricResult result = MetricJudgement.judge(MetricSamples.of("latency_ms", latency, latency.clone()));

        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.ratio()).isEqualTo(1.0);
        assertThat(result.severity()).isNull();
    }

    @Test
    void flags_a_latency_regression_as_high_with_its_severity() {
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("latency_ms", noisy(120, 15, 200, 1), noisy(190, 15, 200, 2)));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.pValue()).isLessThan(MetricJudgement.ALPHA);
        assertThat(result.effect()).isBetween(60.0, 80.0);
        assertThat(result.severity()).isEqualTo(Severity.HIGH);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void errors_on_a_third_of_the_samples_after_a_flat_zero_history_are_a_regression() {
        double[] zeros = new double[20];
        double[] errors = new double[20];
        for (int i = 0; i < errors.length; i += 3) {
            errors[i] = 500;
        }
        MetricResult result = MetricJudgement.judge(MetricSamples.of("http_errors", zeros, errors)
                .withHistory(new double[960]));

        // scipy.stats.mannwhitneyu(zeros, errors, use_continuity=False): p = 0.0040 with ties accounted for
        assertThat(result.pValue()).isCloseTo(0.0040, org.assertj.core.data.Offset.offset(0.0002));
        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void a_ratio_gone_infinite_since_the_deploy_fails_as_far_as_a_move_goes_but_not_on_one_sample_or_a_known_one() {
        double[] before = {0.010, 0.012, 0.011, 0.009, 0.010, 0.013};
        double[] inf = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        MetricSamples outage = new MetricSamples("errors_per_success", before, new double[0], Direction.INCREASE,
                false).withInfinite(MetricSamples.Infinite.of(Direction.INCREASE, new double[0], inf));

        MetricResult r = MetricJudgement.judge(outage);
        assertThat(r.result()).isEqualTo(Outcome.HIGH);
        assertThat(r.failing()).isTrue();
        assertThat(r.critical()).isTrue();
        assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.foundBy()).isEqualTo(FoundBy.UNBOUNDED);
        assertThat(r.baseline()).isCloseTo(0.0108, org.assertj.core.data.Offset.offset(1e-4));
        Check check = Judge.check(java.time.Instant.EPOCH, java.util.List.of(outage));
        assertThat(check.problems()).as("judged, not silent").isEmpty();
        assertThat(Judge.decide(java.util.List.of(check), java.time.Instant.EPOCH).state())
                .isEqualTo(VerdictState.DEGRADED);
        assertThat(Judge.settlesEarly(check, 9)).as("a total outage need not wait out the bake").isTrue();
        MetricSamples trafficGone = new MetricSamples("requests_per_second", new double[] {100, 98, 101, 99, 102, 100},
                new double[] {5, 4, 6, 5, 5, 4}, Direction.DECREASE, false);
        Check withTraffic = Judge.check(java.time.Instant.EPOCH, java.util.List.of(outage, trafficGone));
        assertThat(withTraffic.metrics()).filteredOn(MetricResult::failing).hasSize(2);
        assertThat(Judge.settlesEarly(withTraffic, 9)).as("its traffic falling too, without history to weigh it")
                .isTrue();

        // one infinite scrape is a glitch; infinities already known before the deploy are the metric's habit
        assertThat(MetricJudgement.judge(outage.withInfinite(new MetricSamples.Infinite(0, 1, 0))).foundBy())
                .isNull();
        assertThat(MetricJudgement.judge(outage.withInfinite(MetricSamples.Infinite.of(Direction.INCREASE,
                new double[] {Double.POSITIVE_INFINITY}, inf))).foundBy()).isNull();
        // a throughput that went to +Inf is no harm; one that went to -Inf is
        MetricSamples throughput = new MetricSamples("requests_per_second", before, new double[0],
                Direction.DECREASE, false);
        assertThat(MetricJudgement.judge(throughput.withInfinite(MetricSamples.Infinite.of(Direction.DECREASE,
                new double[0], inf))).foundBy()).isNull();
        double[] minusInf = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertThat(MetricJudgement.judge(throughput.withInfinite(MetricSamples.Infinite.of(Direction.DECREASE,
                new double[0], minusInf))).result()).isEqualTo(Outcome.LOW);
    }

    @Test
    void a_window_of_one_value_against_the_same_value_passes() {
        double[] ones = DoubleStream.generate(() -> 1).limit(30).toArray();
        MetricResult result = MetricJudgement.judge(MetricSamples.of("http_errors", ones, ones.clone()));
        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void nodata_when_too_few_samples() {
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("error_rate", new double[] {0.1, 0.2}, noisy(5, 1, 50, 3)));

        assertThat(result.result()).isEqualTo(Outcome.NODATA);
        assertThat(result.pValue()).isNull();
        assertThat(result.failing()).isFalse();
    }

    @Test
    void eleven_times_the_latency_on_three_samples_a_side_is_too_few_to_pass_not_a_pass() {
        MetricResult result = MetricJudgement.judge(MetricSamples.of("latency_seconds",
                new double[] {0.10, 0.11, 0.09}, new double[] {1.0, 1.1, 1.2}));

        assertThat(result.result()).isEqualTo(Outcome.NODATA);
        assertThat(result.failing()).isFalse();
        assertThat(result.ratio()).isCloseTo(11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.pValue()).as("the most the test can say with three a side").isCloseTo(0.0495,
                org.assertj.core.data.Offset.offset(0.0001));
        assertThat(result.reason()).startsWith("too few samples to pass: with 3 before the deploy and 3 after it")
                .contains("cannot go below 0.0495");
    }

    @Test
    void one_sample_before_the_deploy_is_one_sample_in_the_reason() {
        MetricResult result = MetricJudgement.judge(MetricSamples.of("latency_seconds", new double[] {0.1},
                new double[] {0.1, 0.2, 0.1}));

        assertThat(result.reason()).startsWith("1 sample before the deploy and 3 after it");
    }

    @Test
    void which_windows_are_too_small_to_pass_follows_from_the_test_not_from_a_count() {
        assertThat(Comparison.smallestPValue(4, 4)).isGreaterThanOrEqualTo(MetricJudgement.ALPHA);
        assertThat(Comparison.smallestPValue(3, 6)).isGreaterThanOrEqualTo(MetricJudgement.ALPHA);
        assertThat(Comparison.smallestPValue(3, 7)).isLessThan(MetricJudgement.ALPHA);
        assertThat(Comparison.smallestPValue(5, 5)).isLessThan(MetricJudgement.ALPHA);

        double[] steady = {120, 118, 121};
        assertThat(judge(steady, new double[] {119, 120, 122, 118, 121, 120}).result()).isEqualTo(Outcome.NODATA);
        assertThat(judge(steady, new double[] {119, 120, 122, 118, 121, 120, 119}).result()).isEqualTo(Outcome.PASS);
        // pushed latency, four samples a side: p = 0.0209, the smallest four a side can give
        assertThat(judge(new double[] {118.5, 119, 118, 118.6}, new double[] {296.9, 297, 296, 298}).result())
                .isEqualTo(Outcome.NODATA);
    }

    private static MetricResult judge(double[] before, double[] after) {
        return MetricJudgement.judge(MetricSamples.of("latency_ms", before, after));
    }

    @Test
    void few_samples_still_fail_where_a_comparison_finds_the_change() {
        // Tied windows let the rank test go lower than untied ones: four zeros, then four errors, p = 0.008.
        assertThat(MetricJudgement.judge(MetricSamples.of("http_errors", new double[4], new double[] {5, 5, 5, 5}))
                .result()).isEqualTo(Outcome.HIGH);
        // Three samples a side far above a day that never came near: a record.
        MetricResult record = MetricJudgement.judge(MetricSamples.of("latency_ms", noisy(100, 5, 3, 1),
                new double[] {400, 410, 405}).withHistory(noisy(100, 5, 600, 2)));
        assertThat(record.result()).isEqualTo(Outcome.HIGH);
        assertThat(record.reason()).isNull();
    }

    @Test
    void passes_a_significant_but_tiny_shift_on_a_huge_sample() {
        // 1 % slower with very steady latency: the test is sure, but nobody should roll back for it.
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("latency_ms", noisy(100, 0.5, 5000, 4), noisy(101, 0.5, 5000, 5)));

        assertThat(result.pValue()).isLessThan(1e-6);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void passes_a_shift_smaller_than_the_metrics_usual_swing() {
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("latency_ms", noisy(100, 40, 5000, 6), noisy(112, 40, 5000, 7)));

        assertThat(result.pValue()).isLessThan(MetricJudgement.ALPHA);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void errors_appearing_from_none_are_critical() {
        double[] none = new double[30];
        double[] some = DoubleStream.generate(() -> 5).limit(30).toArray();

        MetricResult result = MetricJudgement.judge(MetricSamples.of("http_errors", none, some));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.ratio()).isNull();
        assertThat(result.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(result.critical()).isTrue();
    }

    @Test
    void sees_a_burst_of_sparse_errors_that_leaves_the_median_at_zero() {
        double[] before = new double[60];
        double[] after = new double[60];
        for (int i = 0; i < 60; i += 3) {
            after[i] = 4;
        }

        MetricResult result = MetricJudgement.judge(MetricSamples.of("job_failures", before, after));

        assertThat(result.effect()).isZero();
        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void decrease_in_throughput_is_bad() {
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("throughput", noisy(1000, 50, 120, 8), noisy(600, 50, 120, 9)));

        assertThat(result.direction()).isEqualTo(Direction.DECREASE);
        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.failing()).isTrue();
        assertThat(result.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void increase_in_throughput_is_not_a_failure() {
        MetricResult result = MetricJudgement.judge(
                MetricSamples.of("requests_per_second", noisy(1000, 50, 120, 8), noisy(1600, 50, 120, 9)));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.failing()).isFalse();
        assertThat(result.severity()).isNull();
    }

    @Test
    void throughput_short_of_last_weeks_same_hours_is_bad_though_above_the_hour_before() {
        // The morning rush lifts traffic from 1000 to 1500 every day; after this deploy it only reached 1080.
        MetricSamples samples = MetricSamples.of("throughput", noisy(1000, 20, 120, 1), noisy(1080, 20, 120, 2))
                .withWeekEarlier(noisy(1000, 20, 120, 3), noisy(1500, 20, 120, 4));

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(MetricJudgement.judge(MetricSamples.of("throughput", samples.baseline(), samples.current()))
                .failing()).isFalse();
        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.failing()).isTrue();
        assertThat(result.effect()).isBetween(-460.0, -380.0);
    }

    @Test
    void pushed_windows_a_sample_longer_last_week_still_compare_week_on_week() {
        // Pushes rarely land at the same offsets both weeks: last week's windows held one sample more each.
        MetricSamples samples = MetricSamples.of("throughput", noisy(1000, 20, 120, 1), noisy(1080, 20, 120, 2))
                .withWeekEarlier(noisy(1000, 20, 121, 3), noisy(1500, 20, 121, 4));

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.foundBy()).isEqualTo(FoundBy.WEEK_ON_WEEK);
    }

    @Test
    void a_move_that_last_week_made_too_passes() {
        MetricSamples samples = MetricSamples.of("throughput", noisy(1000, 20, 120, 1), noisy(1080, 20, 120, 2))
                .withWeekEarlier(noisy(1000, 20, 120, 3), noisy(1080, 20, 120, 4));

        assertThat(MetricJudgement.judge(samples).result()).isEqualTo(Outcome.PASS);
    }

    /**
     * Latency that is 100 ms at night and 300 ms through the working day, every day, sampled every 5 minutes; the
     * deploy lands as the day begins, with a day of history (too little to weigh the move against earlier windows).
     */
    private static MetricSamples busyMorning(double lastWeeksDay, long seed) {
        int day = 288;
        int window = 60;
        int history = day;
        Random random = new Random(seed);
        double[] thisWeek = new double[history + 2 * window];
        double[] lastWeek = new double[thisWeek.length];
        int deploy = history + window;
        for (int i = 0; i < thisWeek.length; i++) {
            boolean working = Math.floorMod(i - deploy, day) < day * 3 / 8;
            thisWeek[i] = (working ? 300 : 100) + 5 * random.nextGaussian();
            lastWeek[i] = (working ? lastWeeksDay : 100) + 5 * random.nextGaussian();
        }
        return MetricSamples.of("latency_ms", slice(thisWeek, history, deploy),
                        slice(thisWeek, deploy, deploy + window)).withHistory(slice(thisWeek, 0, history))
                .withWeekEarlier(slice(lastWeek, history, deploy), slice(lastWeek, deploy, deploy + window))
                .withWeekEarlierHistory(slice(lastWeek, 0, history));
    }

    private static double[] slice(double[] values, int from, int to) {
        return java.util.Arrays.copyOfRange(values, from, to);
    }

    @Test
    void the_days_rise_that_last_week_made_at_the_same_hour_passes_without_earlier_windows() {
        MetricSamples samples = busyMorning(300, 1);

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.earlierWindows()).as("too little history to weigh the move against").isNull();
        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(MetricJudgement.judge(MetricSamples.of("latency_ms", samples.baseline(), samples.current())
                .withHistory(samples.history())).failing()).as("without last week, a threefold rise").isTrue();
    }

    @Test
    void a_rise_last_weeks_same_hour_did_not_make_fails_without_earlier_windows() {
        MetricResult result = MetricJudgement.judge(busyMorning(100, 2));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void ignores_week_earlier_windows_that_do_not_line_up() {
        MetricSamples samples = MetricSamples.of("throughput", noisy(1000, 20, 120, 1), noisy(1080, 20, 120, 2))
                .withWeekEarlier(noisy(1000, 20, 60, 3), noisy(1500, 20, 120, 4));

        assertThat(MetricJudgement.judge(samples).result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void without_history_a_move_must_clear_a_whole_spread_and_with_it_half_a_spread_never_seen_before_counts() {
        // Latency around 50 ms with a spread of 10, then higher: as drawn, by 8 ms, 16 % and about 0.8 spreads, clear
        // of the relative and half-spread bounds, short of a whole spread. Without the hours before nothing shows
        // whether such moves are ordinary; with them, a day of calm where no pair of windows moved as much, it counts.
        MetricSamples samples = MetricSamples.of("latency_ms", noisy(50, 10, 120, 21), noisy(56, 10, 120, 22));
        MetricSamples withHistory = samples.withHistory(noisy(50, 10, EarlierWindows.WINDOWS_BACK * 120, 20));

        MetricResult unweighed = MetricJudgement.judge(samples);
        MetricResult weighed = MetricJudgement.judge(withHistory);

        assertThat(unweighed.result()).as(unweighed.toString()).isEqualTo(Outcome.PASS);
        assertThat(weighed.result()).as(weighed.toString()).isEqualTo(Outcome.HIGH);
        assertThat(weighed.earlierWindows().explains()).isFalse();
    }

    @Property(tries = 200)
    void a_window_judged_against_itself_always_passes_or_is_too_small_to(
            @ForAll @Size(min = 3, max = 80) double[] samples) {
        MetricResult result = MetricJudgement.judge(MetricSamples.of("anything", samples, samples.clone()));

        boolean tooSmall = Comparison.smallestPValue(samples.length, samples.length) >= MetricJudgement.ALPHA;
        assertThat(result.result()).isEqualTo(tooSmall ? Outcome.NODATA : Outcome.PASS);
    }

    @Property(tries = 50)
    void samples_too_large_for_a_doubles_sums_are_judged_as_in_a_smaller_unit(
            @ForAll @DoubleRange(min = 0.5, max = 3) double change) {
        double[] before = noisy(50, 5, 40, 10);
        double[] after = DoubleStream.of(noisy(50, 5, 40, 11)).map(v -> v * change).toArray();
        MetricResult small = MetricJudgement.judge(MetricSamples.of("x", before, after));
        double unit = 1e305; // samples up to about 2e307: a sum of forty of them overflows

        MetricResult large = MetricJudgement.judge(MetricSamples.of("x",
                DoubleStream.of(before).map(v -> v * unit).toArray(), DoubleStream.of(after).map(v -> v * unit).toArray()));

        assertThat(large.result()).isEqualTo(small.result());
        assertThat(large.baseline() / unit).isCloseTo(small.baseline(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(large.current() / unit).isCloseTo(small.current(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(large.ratio()).isCloseTo(small.ratio(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(large.pValue()).isEqualTo(small.pValue());
    }

    @Property(tries = 100)
    void the_unit_of_measure_does_not_change_the_outcome(@ForAll @DoubleRange(min = 0.01, max = 1000) double unit,
                                                          @ForAll @DoubleRange(min = 0.5, max = 3) double change) {
        double[] before = noisy(50, 5, 40, 10);
        double[] after = DoubleStream.of(noisy(50, 5, 40, 11)).map(v -> v * change).toArray();
        Outcome inSeconds = MetricJudgement.judge(MetricSamples.of("x", before, after)).result();

        Outcome inOtherUnits = MetricJudgement.judge(MetricSamples.of("x",
                DoubleStream.of(before).map(v -> v * unit).toArray(),
                DoubleStream.of(after).map(v -> v * unit).toArray())).result();

        assertThat(inOtherUnits).isEqualTo(inSeconds);
    }
}
