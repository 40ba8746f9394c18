package dev.missioncontrol.monitor;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.DoubleStream;

/**
 * What weighing a move against its earlier windows costs: the time to judge one metric that moved, without history,
 * with 48 windows of history, and with those and the same hours a week earlier on a metric with a rhythm (so that
 * the move is measured net of last week as well), at 120 samples a window (the Prometheus resolution of any window)
 * and at 1,800 (a 30-minute window of samples pushed every second). Reported as milliseconds per judged metric and
 * as the ratio to the judge without history in the same run. A quiet metric, the usual case, costs more with
 * history than one that moved: every comparison runs, the records against the whole history included.
 */
public final class JudgeCostBenchmark {

    private JudgeCostBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("| samples per window | without history (ms) | with 48 windows of history (ms) | ratio "
                + "| and last week's, net of it (ms) | ratio | quiet, without history (ms) | quiet, with it (ms) "
                + "| ratio |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int window : new int[] {120, 1800}) {
            MetricSamples samples = movedMetric(window);
            MetricSamples bare = samples.withHistory(new double[0]);
            MetricSamples weekly = withLastWeek(window);
            MetricSamples quiet = quietMetric(window);
            MetricSamples quietBare = quiet.withHistory(new double[0]);
            // as many rounds again to warm up each, so that the JIT has compiled every path before timing
            for (MetricSamples each : new MetricSamples[] {bare, samples, weekly, quietBare, quiet}) {
                time(each, rounds);
            }
            double without = time(bare, rounds);
            double with = time(samples, rounds);
            double net = time(weekly, rounds);
            double quietWithout = time(quietBare, rounds);
            double quietWith = time(quiet, rounds);
            System.out.printf("| %d | %.2f | %.2f | %.1f | %.2f | %.1f | %.2f | %.2f | %.1f |%n", window, without,
                    with, with / without, net, net / without, quietWithout, quietWith, quietWith / quietWithout);
        }
    }

    /** A latency metric that rose by a third after the deploy, with steady history before. */
    private static MetricSamples movedMetric(int window) {
        Random random = new Random(window);
        double[] history = noisy(random, 100, EarlierWindows.WINDOWS_BACK * window);
        return MetricSamples.of("latency_ms", noisy(random, 100, window), noisy(random, 133, window))
                .withHistory(history);
    }

    /** A latency metric that did not move. */
    private static MetricSamples quietMetric(int window) {
        Random random = new Random(window + 1);
        double[] history = noisy(random, 100, EarlierWindows.WINDOWS_BACK * window);
        return MetricSamples.of("latency_ms", noisy(random, 100, window), noisy(random, 100, window))
                .withHistory(history);
    }

    /** The same rise on a metric that swings every 8 windows, and the same swing a week earlier. */
    private static MetricSamples withLastWeek(int window) {
        Random random = new Random(window);
        int history = EarlierWindows.WINDOWS_BACK * window;
        double[] thisWeek = swinging(random, history + 2 * window, window);
        double[] lastWeek = swinging(random, history + 2 * window, window);
        for (int i = history + window; i < thisWeek.length; i++) {
            thisWeek[i] *= 1.33;
        }
        return MetricSamples.of("latency_ms", slice(thisWeek, history, history + window),
                        slice(thisWeek, history + window, thisWeek.length))
                .withHistory(slice(thisWeek, 0, history))
                .withWeekEarlier(slice(lastWeek, history, history + window),
                        slice(lastWeek, history + window, lastWeek.length))
                .withWeekEarlierHistory(slice(lastWeek, 0, history));
    }

    private static double[] swinging(Random random, int count, int window) {
        double[] values = noisy(random, 100, count);
        for (int i = 0; i < count; i++) {
            values[i] += 30 * Math.sin(2 * Math.PI * i / (8.0 * window));
        }
        return values;
    }

    private static double[] slice(double[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }

    private static double[] noisy(Random random, double level, int count) {
        return DoubleStream.generate(() -> level + 5 * random.nextGaussian()).limit(count).toArray();
    }

    /** Mean milliseconds per judgement; the judge must find a move exactly where the metric made one. */
    private static double time(MetricSamples samples, int rounds) {
        boolean moved = SampleStats.mean(samples.current()) > 1.2 * SampleStats.mean(samples.baseline());
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if ((MetricJudgement.judge(samples).result() != Outcome.PASS) != moved) {
                throw new AssertionError(moved ? "the metric moved; the judge should say so"
                        : "the metric did not move; the judge should pass it");
            }
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }
}
