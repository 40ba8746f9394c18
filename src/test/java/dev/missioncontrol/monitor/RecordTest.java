package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A few samples beyond everything the metric did all day: a spike no wider than the metric's own swings, which the
 * window before the deploy cannot show to be unusual, but the day can. One sample counts too, when it goes far
 * beyond the day.
 */
class RecordTest {

    private static final int WINDOW = 30;
    private static final int HISTORY = EarlierWindows.WINDOWS_BACK * WINDOW;
    /** Latency swinging between 70 and 130 ms every four windows, with noise of 1 ms. */
    private static final IntToDoubleFunction SWINGING = i -> 100 + 30 * Math.sin(2 * Math.PI * i / 120.0);
    /**
     * The baseline climbs from 74 to 115 ms: its range of some 40 ms puts the extremes comparison's bar near 155 ms,
     * above the day's high of about 130 ms.
     */
    private static final int ON_THE_RISE = 2050;
    /** Two neighbouring samples a quarter window after the deploy. */
    private static final int[] SPIKES = {ON_THE_RISE + 7, ON_THE_RISE + 8};

    @Test
    void two_samples_past_the_days_high_are_a_record_though_the_window_before_swung_wider() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        spike(series, 145);
        MetricSamples samples = samplesAt(series, HISTORY);

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.foundBy()).isEqualTo(FoundBy.RECORD);
        assertThat(result.failing()).isTrue();
        assertThat(result.effect()).isCloseTo(145 - SampleStats.max(samples.before()),
                offset(1e-9));
        assertThat(result.earlierWindows().asLarge()).isZero();
        assertThat(result.earlierWindows().pairs()).isGreaterThanOrEqualTo(EarlierWindows.MIN_PAIRS);
        // The same spikes against the window before the deploy: within its swing.
        assertThat(Comparison.ofExtremes(samples, 1, AllowedChange.DEFAULT).changed()).isFalse();
    }

    @Test
    void reaching_the_days_high_by_less_than_a_tenth_of_its_range_is_no_record() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        spike(series, pastTheHigh(series, HISTORY, 0.08));

        MetricResult result = MetricJudgement.judge(samplesAt(series, HISTORY));

        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.foundBy()).isNull();
    }

    @Test
    void a_peak_the_metric_reached_at_the_same_hours_last_week_is_no_record() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        spike(series, 145);
        double[] lastWeek = swinging(ON_THE_RISE + WINDOW);
        lastWeek[ON_THE_RISE + 20] = 146;
        lastWeek[ON_THE_RISE + 21] = 144;
        MetricSamples samples = samplesAt(series, HISTORY).withWeekEarlier(
                window(lastWeek, ON_THE_RISE - WINDOW), window(lastWeek, ON_THE_RISE));

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.foundBy()).isNull();
    }

    @Test
    void a_history_of_a_few_windows_sets_no_record() {
        // A steady metric whose spikes pass its high of the last two hours, but not its usual band by a whole range.
        double[] series = steady(ON_THE_RISE + WINDOW);
        MetricSamples quiet = samplesAt(series, 4 * WINDOW);
        spike(series, SampleStats.max(quiet.before()) + 1);
        MetricSamples samples = samplesAt(series, 4 * WINDOW);

        assertThat(Records.of(samples).record(1, AllowedChange.DEFAULT).changed()).isTrue();
        assertThat(MetricJudgement.judge(samples).result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_history_that_never_varied_is_left_to_the_other_comparisons() {
        // A counter at zero all day and in the window before: two errors are a matter for the rank test.
        double[] series = new double[ON_THE_RISE + WINDOW];
        spike(series, 2);

        MetricResult result = MetricJudgement.judge(samplesAt(series, HISTORY));

        assertThat(result.foundBy()).isNotEqualTo(FoundBy.RECORD);
    }

    @Test
    void a_throughput_collapse_below_the_days_low_is_a_low_record() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        spike(series, 55);
        MetricSamples latency = samplesAt(series, HISTORY);
        MetricSamples throughput = new MetricSamples("requests_per_second", latency.baseline(), latency.current(),
                Direction.DECREASE, false).withHistory(latency.history());

        MetricResult result = MetricJudgement.judge(throughput);

        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.foundBy()).isEqualTo(FoundBy.RECORD);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void a_record_waits_for_the_last_check_where_a_level_change_as_rare_may_end_the_watch() {
        // The earlier windows lie within the history a record beat, so none can match it: no evidence of rarity.
        double[] series = swinging(ON_THE_RISE + WINDOW);
        spike(series, 145);
        MetricResult record = MetricJudgement.judge(samplesAt(series, HISTORY));
        double[] steady = steady(ON_THE_RISE + WINDOW);
        for (int i = ON_THE_RISE; i < steady.length; i++) {
            steady[i] += 20;
        }
        MetricResult levels = MetricJudgement.judge(samplesAt(steady, HISTORY));
        int checks = 9;

        assertThat(record.foundBy()).isEqualTo(FoundBy.RECORD);
        assertThat(record.earlierWindows().pValue()).isLessThanOrEqualTo(EarlierWindows.ORDINARY_SHARE / checks);
        assertThat(Judge.settlesEarly(new Check(Instant.EPOCH, List.of(record)), checks)).isFalse();
        assertThat(levels.foundBy()).isEqualTo(FoundBy.LEVELS);
        assertThat(levels.earlierWindows().pValue()).isEqualTo(record.earlierWindows().pValue());
        assertThat(Judge.settlesEarly(new Check(Instant.EPOCH, List.of(levels)), checks)).isTrue();
    }

    @Test
    void one_sample_past_the_days_high_by_a_quarter_of_its_range_is_a_spike() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        double[] known = samplesAt(series, HISTORY).before();
        double high = SampleStats.max(known);
        double peak = high + 0.3 * (high - SampleStats.min(known));
        series[SPIKES[0]] = peak;
        MetricSamples samples = samplesAt(series, HISTORY);

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.foundBy()).isEqualTo(FoundBy.SPIKE);
        assertThat(result.failing()).isTrue();
        assertThat(result.effect()).isCloseTo(peak - high, offset(1e-9));
        assertThat(result.earlierWindows().pairs()).isGreaterThanOrEqualTo(EarlierWindows.MIN_PAIRS);
        // A record needs a second sample beyond the day.
        assertThat(Records.of(samples).record(1, AllowedChange.DEFAULT).changed()).isFalse();
    }

    @Test
    void one_sample_past_the_days_high_by_less_than_a_quarter_of_its_range_is_no_spike() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        series[SPIKES[0]] = pastTheHigh(series, HISTORY, 0.2);

        MetricResult result = MetricJudgement.judge(samplesAt(series, HISTORY));

        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.foundBy()).isNull();
    }

    @Test
    void a_spike_over_a_history_of_a_few_windows_does_not_count() {
        double[] series = steady(ON_THE_RISE + WINDOW);
        series[SPIKES[0]] = pastTheHigh(series, 4 * WINDOW, 0.6);
        MetricSamples samples = samplesAt(series, 4 * WINDOW);

        assertThat(Records.of(samples).spike(1, AllowedChange.DEFAULT).changed()).isTrue();
        assertThat(MetricJudgement.judge(samples).result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_spike_waits_for_the_last_check() {
        double[] series = swinging(ON_THE_RISE + WINDOW);
        series[SPIKES[0]] = 200;
        MetricResult spike = MetricJudgement.judge(samplesAt(series, HISTORY));
        int checks = 9;

        assertThat(spike.foundBy()).isEqualTo(FoundBy.SPIKE);
        assertThat(spike.earlierWindows().pValue()).isLessThanOrEqualTo(EarlierWindows.ORDINARY_SHARE / checks);
        assertThat(Judge.settlesEarly(new Check(Instant.EPOCH, List.of(spike)), checks)).isFalse();
    }

    @Test
    void the_found_by_words_say_what_the_effect_is_measured_from() {
        assertThat(FoundBy.RECORD.describe("15.2")).isEqualTo("record (15.2 beyond the history)");
        assertThat(FoundBy.fromWire("record")).contains(FoundBy.RECORD);
        assertThat(FoundBy.SUSTAINED.describe("0.4")).isEqualTo("sustained (0.4 beyond the history)");
        assertThat(FoundBy.SPIKE.describe("36.0")).isEqualTo("spike (36.0 beyond the history)");
        assertThat(FoundBy.fromWire("spike")).contains(FoundBy.SPIKE);
    }

    private static double[] swinging(int length) {
        return withNoise(SWINGING, length);
    }

    private static double[] steady(int length) {
        return withNoise(i -> 100, length);
    }

    private static double[] withNoise(IntToDoubleFunction metric, int length) {
        Random noise = new Random(3);
        return IntStream.range(0, length).mapToDouble(i -> metric.applyAsDouble(i) + noise.nextGaussian()).toArray();
    }

    private static void spike(double[] series, double value) {
        for (int i : SPIKES) {
            series[i] = value;
        }
    }

    /** A value past the highest one known before the deploy by {@code ranges} of the known span's range. */
    private static double pastTheHigh(double[] series, int history, double ranges) {
        double[] known = samplesAt(series, history).before();
        double high = SampleStats.max(known);
        return high + ranges * (high - SampleStats.min(known));
    }

    private static MetricSamples samplesAt(double[] series, int history) {
        return MetricSamples.of("latency_ms", window(series, ON_THE_RISE - WINDOW), window(series, ON_THE_RISE))
                .withHistory(Arrays.copyOfRange(series, ON_THE_RISE - WINDOW - history, ON_THE_RISE - WINDOW));
    }

    private static double[] window(double[] series, int from) {
        return Arrays.copyOfRange(series, from, from + WINDOW);
    }
}
