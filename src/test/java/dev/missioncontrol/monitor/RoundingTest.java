package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A metric that did not move never fails on the last digits of its doubles, whichever comparison looks: an error
 * ratio of exactly 0.01 arrives as 0.009999999999999998 one scrape and 0.010000000000000014 the next.
 */
class RoundingTest {

    private static final double ONE_PERCENT = 0.01;
    /** What {@code 0.1 + 0.2 - 0.3} leaves of a difference that is zero. */
    private static final double RESIDUE = 0.1 + 0.2 - 0.3;

    /** {@code count} samples of {@code level}, each off by one of {@code ulps} units in the last place, in turn. */
    private static double[] near(double level, int count, int... ulps) {
        return IntStream.range(0, count).mapToDouble(i -> level + ulps[i % ulps.length] * Math.ulp(level)).toArray();
    }

    private static MetricResult judge(MetricSamples samples) {
        return MetricJudgement.judge(samples);
    }

    private static MetricSamples errorRatio(double[] before, double[] after) {
        return new MetricSamples("error_rate", before, after, Direction.INCREASE, true);
    }

    @Test
    void a_flat_error_ratio_read_with_rounding_passes_the_extremes() {
        // the review's files: 0.01 before and after, critical, once came out high and made the deploy degraded
        double[] before = near(ONE_PERCENT, 20, 0, -1, 1, 0);
        double[] after = near(ONE_PERCENT, 20, 0, 7, 8, 0, 5);

        MetricResult result = judge(errorRatio(before, after));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_history_that_varied_only_by_rounding_has_no_record_to_beat() {
        double[] history = near(ONE_PERCENT, 960, 0, -1, 1, 2, -2);
        double[] after = near(ONE_PERCENT, 20, 0, 6, 7, 0);

        MetricResult result = judge(errorRatio(near(ONE_PERCENT, 20, 0), after).withHistory(history));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }

    @Test
    void one_sample_past_a_rounding_band_is_no_spike() {
        double[] history = near(ONE_PERCENT, 960, 0, -1, 1, 2, -2);
        double[] after = near(ONE_PERCENT, 20, 0);
        after[7] += 6 * Math.ulp(ONE_PERCENT);

        MetricResult result = judge(errorRatio(near(ONE_PERCENT, 20, 0), after).withHistory(history));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_stretch_a_few_units_in_the_last_place_up_is_no_sustained_record() {
        // runs of eight samples one unit apart, and a single ten units up every forty: only a stretch can beat that
        double[] history = IntStream.range(0, 960).mapToDouble(i -> ONE_PERCENT
                + (i % 40 == 39 ? 10 : i / 8 % 2) * Math.ulp(ONE_PERCENT)).toArray();
        double[] after = near(ONE_PERCENT, 40, 0);
        for (int i = 10; i < 16; i++) {
            after[i] += 4 * Math.ulp(ONE_PERCENT);
        }

        MetricResult result = judge(errorRatio(near(ONE_PERCENT, 40, 0), after).withHistory(history));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }

    @Test
    void zeros_that_come_out_as_rounding_residues_are_no_level_change() {
        // Arrivals minus departures: mostly zero, now and then one either way; after the deploy its zeros are
        // computed another way and come out as 5.6e-17. The window has no robust spread, so any move was infinite.
        double[] after = balance(RESIDUE);

        MetricResult result = judge(MetricSamples.of("queue_growth", balance(0), after));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_move_ten_times_what_rounding_makes_still_counts() {
        MetricResult result = judge(MetricSamples.of("queue_growth", balance(0), balance(10 * SampleStats.ROUNDING)));

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.HIGH);
    }

    /** Sixty samples of a balance: {@code zero} most of the time, and one either way on every fifth sample. */
    private static double[] balance(double zero) {
        return IntStream.range(0, 60).mapToDouble(i -> i % 5 == 1 ? 1 : i % 5 == 3 ? -1 : zero).toArray();
    }

    @Test
    void deviations_from_last_week_that_differ_by_rounding_are_no_week_on_week_change() {
        // no errors this week, a steady 1 % the same hours last week, read with rounding
        MetricSamples samples = new MetricSamples("error_rate", new double[20], new double[20], Direction.EITHER,
                false).withWeekEarlier(near(ONE_PERCENT, 20, 0, -1, 1, 0), near(ONE_PERCENT, 20, 5, 6));

        MetricResult result = judge(samples);

        assertThat(result.result()).as(result.toString()).isEqualTo(Outcome.PASS);
    }
}
