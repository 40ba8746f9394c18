package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A few minutes of errors in the middle of the bake: the minutes after them dilute the window's level, and they never
 * reach the single-sample highs of the metric's usual spikes, but no stretch of the day sat that high.
 */
class SustainedRecordTest {

    private static final int WINDOW = 120;
    private static final int HISTORY = EarlierWindows.WINDOWS_BACK * WINDOW;
    private static final int DEPLOY = HISTORY + WINDOW;
    /** Fifteen samples (an eighth of the window) from the middle of the window after the deploy. */
    private static final int STRETCH_FROM = DEPLOY + 50;

    @Test
    void a_stretch_of_errors_above_every_stretch_of_the_day_is_a_sustained_record() {
        double[] errors = errorRate(0.6);
        MetricSamples samples = samplesAt(errors, HISTORY);

        MetricResult result = MetricJudgement.judge(samples);

        assertThat(result.result()).isEqualTo(Outcome.HIGH);
        assertThat(result.foundBy()).isEqualTo(FoundBy.SUSTAINED);
        assertThat(result.failing()).isTrue();
        assertThat(result.earlierWindows().asLarge()).isZero();
        // Neither the window's level nor its highest samples show it.
        assertThat(Comparison.ofLevels(samples.baseline(), samples.current(), AllowedChange.DEFAULT).changed())
                .isFalse();
        assertThat(Records.of(samples).record(1, AllowedChange.DEFAULT).changed()).isFalse();
    }

    @Test
    void a_stretch_within_the_days_usual_stretches_passes() {
        MetricResult result = MetricJudgement.judge(samplesAt(errorRate(0.3), HISTORY));

        assertThat(result.result()).isEqualTo(Outcome.PASS);
        assertThat(result.foundBy()).isNull();
    }

    @Test
    void without_a_days_history_the_stretch_is_not_weighed() {
        MetricSamples samples = samplesAt(errorRate(0.6), 3 * WINDOW);

        assertThat(Records.of(samples).sustained(1, AllowedChange.DEFAULT).changed()).isTrue();
        assertThat(MetricJudgement.judge(samples).result()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_stretch_is_an_eighth_of_the_window_and_never_shorter_than_three_samples() {
        assertThat(Records.stretchLength(120)).isEqualTo(15);
        assertThat(Records.stretchLength(7)).isEqualTo(3);
    }

    /**
     * An error rate of about 1 % with a spike to 3 % every two windows (the baseline holds one), and {@code rise}
     * more for fifteen samples in the middle of the window after the deploy.
     */
    private static double[] errorRate(double rise) {
        Random noise = new Random(7);
        double[] series = IntStream.range(0, DEPLOY + WINDOW).mapToDouble(i -> 1 + 0.2 * noise.nextGaussian())
                .toArray();
        for (int i = 37; i < series.length; i += 2 * WINDOW) {
            series[i] = 3;
            series[i + 1] = 2.9;
        }
        for (int i = STRETCH_FROM; i < STRETCH_FROM + Records.stretchLength(WINDOW); i++) {
            series[i] += rise;
        }
        return series;
    }

    private static MetricSamples samplesAt(double[] series, int history) {
        return MetricSamples.of("error_rate", Arrays.copyOfRange(series, DEPLOY - WINDOW, DEPLOY),
                Arrays.copyOfRange(series, DEPLOY, DEPLOY + WINDOW))
                .withHistory(Arrays.copyOfRange(series, DEPLOY - WINDOW - history, DEPLOY - WINDOW));
    }
}
