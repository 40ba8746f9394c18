package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.missioncontrol.monitor.MetricJudgement;
import dev.missioncontrol.monitor.MetricResult;
import dev.missioncontrol.monitor.MetricSamples;
import dev.missioncontrol.monitor.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A service's pods push their own http_requests_total, each with a pod label, every 15 seconds at their own moment;
 * the judge sees the service's rate, sum(rate(http_requests_total)), ten minutes before the deploy against ten after.
 */
class ServiceRateTest {
    private static final Instant DEPLOYED = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int SPACING_SECONDS = 15;
    private static final String REQUESTS = "http_requests_total";

    @Test
    void half_the_pods_gone_halves_the_services_rate_and_fails_the_deploy() {
        List<Pod> pods = List.of(Pod.always("a", 0), Pod.always("b", 4), Pod.until("c", 8, 0), Pod.until("d", 12, 0));

        MetricResult result = judged(pods, alive -> 50); // each pod serves 50 a second, whatever the others do

        assertThat(result.baseline()).isCloseTo(200, within(5.0));
        assertThat(result.current()).isCloseTo(100, within(5.0));
        assertThat(result.result()).isEqualTo(Outcome.LOW);
        assertThat(result.failing()).isTrue();
    }

    @Test
    void twice_the_pods_at_half_the_traffic_each_is_the_same_service_rate_and_passes() {
        List<Pod> pods = List.of(Pod.always("a", 0), Pod.always("b", 7), Pod.from("c", 3, 0), Pod.from("d", 11, 0));

        MetricResult result = judged(pods, alive -> 200 / alive);

        assertThat(result.baseline()).isCloseTo(200, within(5.0));
        assertThat(result.current()).isCloseTo(200, within(5.0));
        assertThat(result.failing()).as(result.toString()).isFalse();
    }

    @Test
    void a_rolling_deploy_new_pods_replacing_old_ones_one_by_one_carries_the_rate_on_and_passes() {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int replacedAt = 40 * i; // each new pod starts, is ready 10 s later, and then its old pod stops
            pods.add(Pod.until("old-" + i, 3 * i, replacedAt + 10));
            pods.add(new Pod("new-" + i, 5 + 2 * i, replacedAt, Integer.MAX_VALUE));
        }

        MetricResult result = judged(pods, alive -> 200 / alive);

        assertThat(result.baseline()).isCloseTo(200, within(5.0));
        assertThat(result.current()).isCloseTo(200, within(5.0));
        assertThat(result.failing()).as(result.toString()).isFalse();
    }

    /**
     * One pod: pushes every 15 s at {@code phase} seconds past, and counts from {@code start} (0 = its process started
     * then) to {@code stop}, in seconds since the deploy.
     */
    private record Pod(String name, int phase, int start, int stop) {
        static Pod always(String name, int phase) {
            return new Pod(name, phase, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        static Pod until(String name, int phase, int stop) {
            return new Pod(name, phase, Integer.MIN_VALUE, stop);
        }

        static Pod from(String name, int phase, int start) {
            return new Pod(name, phase, start, Integer.MAX_VALUE);
        }

        boolean serves(int second) {
            return second >= start && second < stop;
        }
    }

    /** The pods' counters second by second, each pod serving {@code perPod} of the pods serving a second a second. */
    private static MetricResult judged(List<Pod> pods, IntUnaryOperator perPod) {
        int first = (int) -WINDOW.plus(CounterRates.LOOKBACK).toSeconds();
        int last = (int) WINDOW.toSeconds();
        Random noise = new Random(7);
        double[] totals = new double[pods.size()];
        List<List<Series.Point>> pushed = pods.stream().map(p -> (List<Series.Point>) new ArrayList<Series.Point>())
                .toList();
        for (int second = first; second < last; second++) {
            final int now = second;
            int alive = (int) pods.stream().filter(p -> p.serves(now)).count();
            for (int i = 0; i < pods.size(); i++) {
                Pod pod = pods.get(i);
                if (!pod.serves(second)) {
                    continue;
                }
                totals[i] += perPod.applyAsInt(alive) * (0.9 + 0.2 * noise.nextDouble());
                if (Math.floorMod(second - pod.phase(), SPACING_SECONDS) == 0) {
                    pushed.get(i).add(new Series.Point(DEPLOYED.plusSeconds(second).plusMillis(
                            noise.nextInt(400) - 200), totals[i]));
                }
            }
        }
        List<Series> series = pushed.stream().map(points -> new Series(REQUESTS, points)).toList();
        Series rate = CounterRates.pooled(series, DEPLOYED.minus(WINDOW)).getFirst();
        return MetricJudgement.judge(MetricSamples.of(rate.name(),
                rate.between(DEPLOYED.minus(WINDOW), DEPLOYED).values(),
                rate.between(DEPLOYED, DEPLOYED.plus(WINDOW)).values()));
    }
}
