package dev.missioncontrol.monitor;

import java.util.Random;
import java.util.stream.DoubleStream;

/**
 * What weighing a move against its earlier windows costs: the time to judge one metric that moved, with and
 * without 48 windows of history, at 120 samples a window (the Prometheus resolution of any window) and at 1,800
 * (a 30-minute window of samples pushed every second). Reported as milliseconds per judged metric and as the ratio
 * to the judge without history in the same run.
 */
public final class JudgeCostBenchmark {

    private JudgeCostBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("| samples per window | without history (ms) | with 48 windows of history (ms) | ratio |");
        System.out.println("|---:|---:|---:|---:|");
        for (int window : new int[] {120, 1800}) {
            MetricSamples samples = movedMetric(window);
            MetricSamples bare = samples.withHistory(new double[0]);
            time(bare, 3);
            time(samples, 3);
            double without = time(bare, rounds);
            double with = time(samples, rounds);
            System.out.printf("| %d | %.2f | %.2f | %.1f |%n", window, without, with, with / without);
        }
    }

    /** A latency metric that rose by a third after the deploy, with steady history before. */
    private static MetricSamples movedMetric(int window) {
        Random random = new Random(window);
        double[] history = noisy(random, 100, EarlierWindows.WINDOWS_BACK * window);
        return MetricSamples.of("latency_ms", noisy(random, 100, window), noisy(random, 133, window))
                .withHistory(history);
    }

    private static double[] noisy(Random random, double level, int count) {
        return DoubleStream.generate(() -> level + 5 * random.nextGaussian()).limit(count).toArray();
    }

    /** Mean milliseconds per judgement. */
    private static double time(MetricSamples samples, int rounds) {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            if (MetricJudgement.judge(samples).result() == Outcome.PASS) {
                throw new AssertionError("the metric moved; the judge should say so");
            }
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }
}
