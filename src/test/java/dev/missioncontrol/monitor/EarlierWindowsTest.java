package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A deploy is held responsible only for a move the metric rarely made between earlier windows. */
class EarlierWindowsTest {

    private static final int WINDOW = 30;
    private static final int HISTORY = EarlierWindows.WINDOWS_BACK * WINDOW;

    /** A wave of four windows: on its rising side each window is a quarter higher than the last. */
    private static final IntToDoubleFunction WAVE = i -> 100 + 30 * Math.sin(2 * Math.PI * i / 120.0);
    /** A deploy on the rising side of the wave, as many earlier windows were, but not at its steepest. */
    private static final int ON_THE_RISE = 2050;
    private static final IntToDoubleFunction FLAT = i -> 100;

    @Test
    void a_move_the_metric_makes_every_few_hours_passes() {
        MetricSamples samples = around(WAVE, 0, ON_THE_RISE);

        MetricResult result = MetricJudgement.judge(samples);
        MetricResult withoutHistory = MetricJudgement.judge(samples.withHistory(new double[0]));

        assertThat(withoutHistory.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.foundBy()).isNull();
        // pairs a quarter window apart whose two windows fit in the history and the baseline: (1440 - 30) / 7.5 + 1
        assertThat(result.earlierWindows().pairs()).isEqualTo(189);
        assertThat(result.earlierWindows().explains()).isTrue();
    }

    @Test
    void the_same_move_on_a_metric_that_never_moves_so_fails() {
        MetricSamples samples = around(FLAT, 23, 2000);

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.foundBy()).isEqualTo(FoundBy.LEVELS);
        assertThat(result.earlierWindows().asLarge()).isZero();
        assertThat(result.failing()).isTrue();
    }

    @Test
    void a_volatile_metric_still_fails_on_a_move_far_beyond_its_swings() {
        MetricResult result = MetricJudgement.judge(around(WAVE, 200, ON_THE_RISE));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.earlierWindows().explains()).isFalse();
    }

    @Test
    void without_enough_history_the_change_is_judged_as_before() {
        MetricSamples wave = around(WAVE, 0, ON_THE_RISE);
        double[] history = wave.history();
        MetricSamples shortHistory = wave.withHistory(Arrays.copyOfRange(history, history.length - 3 * WINDOW,
                history.length));

        MetricResult result = MetricJudgement.judge(shortHistory);

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.earlierWindows()).isNull();
    }

    @Test
    void spikes_the_metric_has_every_few_hours_are_not_extremes() {
        // Two samples 50 above the usual level every 100 samples; the deploy's window catches one such pair
        // five samples in, its baseline none.
        int deploy = ((HISTORY + WINDOW) / 100 + 1) * 100 + 2;
        Random noise = new Random(5);
        double[] series = IntStream.range(0, deploy + WINDOW)
                .mapToDouble(i -> 100 + noise.nextGaussian() + (i % 100 == 7 || i % 100 == 8 ? 50 : 0)).toArray();
        MetricSamples samples = samplesAt(series, deploy);
        MetricResult result = MetricJudgement.judge(samples);
        MetricResult withoutHistory = MetricJudgement.judge(samples.withHistory(new double[0]));

        assertThat(withoutHistory.foundBy()).isEqualTo(FoundBy.EXTREMES);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.earlierWindows().explains()).isTrue();
    }

    @Test
    void a_metric_that_swings_between_1_and_4_reaching_2_is_ordinary_though_the_window_before_sat_at_1() {
        // Half a period at 1, half at 4; the deploy lands just after a low half, so its baseline is all 1s and two
        // samples at 2 are far past that baseline's tight range: an extreme, next to the window before alone.
        Random noise = new Random(9);
        int deploy = HISTORY + 2 * WINDOW;
        double[] series = IntStream.range(0, deploy + WINDOW)
                .mapToDouble(i -> (i < deploy ? ((i / WINDOW) % 2 == 0 ? 4 : 1) : 2) + 0.05 * noise.nextGaussian())
                .toArray();
        MetricSamples samples = samplesAt(series, deploy);

        MetricResult withoutHistory = MetricJudgement.judge(samples.withHistory(new double[0]));
        MetricResult result = MetricJudgement.judge(samples);

        assertThat(withoutHistory.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_burst_of_errors_is_not_ordinary_because_single_errors_were() {
        // An error counter at zero but for one error every 150 samples: each window before the deploy that caught
        // one moved "infinitely many" baseline spreads from a zero baseline, and so would a flood.
        double[] series = new double[HISTORY + 3 * WINDOW];
        for (int i = 75; i < series.length - 2 * WINDOW; i += 150) {
            series[i] = 1;
        }
        int deploy = series.length - WINDOW;
        Arrays.fill(series, deploy, series.length, 50);

        MetricResult result = MetricJudgement.judge(samplesAt(series, deploy));

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.earlierWindows().asLarge()).isZero();
    }

    @Test
    void short_windows_still_look_back_the_whole_history() {
        // Windows of 7 samples (a few minutes after the deploy) and 48 windows of history: a metric that swung by
        // half a day at a time until the last 200 samples, and has been flat since. Pairs a sample apart would stop
        // at 192 and see only the calm; pairs a quarter window apart reach the swings.
        int window = 7;
        int calm = 200;
        int deploy = window + EarlierWindows.WINDOWS_BACK * window;
        Random noise = new Random(11);
        double[] series = IntStream.range(0, deploy + window)
                .mapToDouble(i -> (i < deploy - window - calm ? 100 + 30 * Math.sin(2 * Math.PI * i / 24.0) : 100)
                        + 0.1 * noise.nextGaussian() + (i >= deploy ? 25 : 0)).toArray();
        MetricSamples samples = MetricSamples.of("requests", Arrays.copyOfRange(series, deploy - window, deploy),
                Arrays.copyOfRange(series, deploy, deploy + window))
                .withHistory(Arrays.copyOfRange(series, 0, deploy - window));

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.earlierWindows().explains()).isTrue();
        assertThat(result.result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_weekend_drop_that_last_week_made_too_is_ordinary() {
        // Hourly traffic at 100 on weekdays and 50 at weekends, with a daily swing; the deploy lands at midnight
        // before Saturday. Three weekends in 48 windows of 12 hours are too few drops to make this one ordinary;
        // last week made the same drop at the same hour.
        int deploy = 4 * WEEK_HOURS + SATURDAY;
        MetricSamples samples = weekly(deploy, 0);

        MetricResult result = MetricJudgement.judge(samples);
        MetricResult withoutLastWeek = MetricJudgement.judge(samples.withWeekEarlierHistory(new double[0]));

        assertThat(withoutLastWeek.result()).isEqualTo(Outcome.LOW);
        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.earlierWindows().explains()).isTrue();
        assertThat(result.earlierWindows().netOfLastWeek()).isTrue();
        assertThat(result.earlierWindows().describe()).endsWith("moved as much, net of last week");
    }

    @Test
    void a_drop_last_week_did_not_make_still_fails_on_a_weekly_metric() {
        int tuesday = 24;
        MetricResult result = MetricJudgement.judge(weekly(5 * WEEK_HOURS + tuesday, -50));

        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.earlierWindows().asLarge()).isZero();
    }

    private static final int WEEK_HOURS = 7 * 24;
    private static final int SATURDAY = 5 * 24;

    /**
     * Windows of 12 hourly samples around {@code deploy} on a metric with a weekly rhythm, the current window moved by
     * {@code jump}, with 48 windows of history and the same windows and history a week earlier.
     */
    private static MetricSamples weekly(int deploy, double jump) {
        int window = 12;
        Random noise = new Random(13);
        double[] series = IntStream.range(0, deploy + window)
                .mapToDouble(i -> (i % WEEK_HOURS >= SATURDAY ? 50 : 100) + 10 * Math.sin(2 * Math.PI * i / 24.0)
                        + noise.nextGaussian() + (i >= deploy ? jump : 0)).toArray();
        int history = EarlierWindows.WINDOWS_BACK * window;
        int weekEarlier = deploy - WEEK_HOURS;
        return MetricSamples.of("requests", Arrays.copyOfRange(series, deploy - window, deploy),
                        Arrays.copyOfRange(series, deploy, deploy + window))
                .withHistory(Arrays.copyOfRange(series, deploy - window - history, deploy - window))
                .withWeekEarlier(Arrays.copyOfRange(series, weekEarlier - window, weekEarlier),
                        Arrays.copyOfRange(series, weekEarlier, weekEarlier + window))
                .withWeekEarlierHistory(Arrays.copyOfRange(series, weekEarlier - window - history,
                        weekEarlier - window));
    }

    @Test
    void the_report_and_the_page_say_how_the_move_compares() {
        assertThat(EarlierWindows.describe(192, 40)).isEqualTo("ordinary: 40 of 192 earlier windows moved as much");
        assertThat(EarlierWindows.describe(192, 3)).isEqualTo("beyond 189 of 192 earlier windows");
        // 9 of 192 is 5.2 % with the deploy's own pair counted: (9 + 1) / (192 + 1)
        assertThat(EarlierWindows.describe(192, 9)).startsWith("ordinary");
        assertThat(EarlierWindows.describe(192, 8)).startsWith("beyond");
        assertThat(EarlierWindows.alongside("levels", "beyond 189 of 192 earlier windows", "–"))
                .isEqualTo("levels; beyond 189 of 192 earlier windows");
        assertThat(EarlierWindows.alongside(null, null, "–")).isEqualTo("–");
    }

    /** The deploy's two windows with {@code HISTORY} samples before them, the current window lifted by {@code jump}. */
    private static MetricSamples around(IntToDoubleFunction metric, double jump, int deploy) {
        Random noise = new Random(3);
        double[] series = IntStream.range(0, deploy + WINDOW)
                .mapToDouble(i -> metric.applyAsDouble(i) + noise.nextGaussian() + (i >= deploy ? jump : 0)).toArray();
        return samplesAt(series, deploy);
    }

    private static MetricSamples samplesAt(double[] series, int deploy) {
        return MetricSamples.of("latency_ms", Arrays.copyOfRange(series, deploy - WINDOW, deploy),
                Arrays.copyOfRange(series, deploy, deploy + WINDOW))
                .withHistory(Arrays.copyOfRange(series, Math.max(0, deploy - WINDOW - HISTORY), deploy - WINDOW));
    }
}
