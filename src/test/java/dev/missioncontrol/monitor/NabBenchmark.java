package dev.missioncontrol.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Measures the judge on NAB's realKnownCause series (numenta/NAB, MIT licence), with pretend
 * deploys. Each series' window length L is its mean labelled window length in samples.
 *
 * <ul>
 *   <li><b>Should flag:</b> a deploy at the start of each labelled window, judged on the L samples
 *       after it against the L samples before it, must come out degraded.</li>
 *   <li><b>Should pass:</b> up to {@value #QUIET_DEPLOYS} deploys evenly spread over the points whose
 *       judged span (L before, L after) stays at least L away from every labelled window must come
 *       out healthy.</li>
 * </ul>
 *
 * <p>A deploy is judged as the monitor judges it ({@link Protocol#AS_MONITORED}): checks at the default
 * schedule's offsets scaled so that the bake time is L, each with the samples before the baseline as
 * history, a degraded check ending the watch early only where {@link Judge#settlesEarly} allows. The
 * other protocols are printed beside it to show what each part does.
 *
 * <p>NAB anomalies go either way, so every series is judged with direction {@code either}. Nothing
 * is tuned per series. A series without labelled anomalies (artificialNoAnomaly) counts for false alarms only,
 * with the window length NAB would give one anomaly.
 */
public final class NabBenchmark {

    static final String CATEGORY = "realKnownCause";
    static final int QUIET_DEPLOYS = 8;
    private static final Instant DEPLOYED = Instant.parse("2014-01-01T00:00:00Z");
    /** The server's default schedule: checks at +10 s, +30 s, +1 min, +5 min, then every 5 min to 30 min. */
    private static final MonitorSchedule SCHEDULE = new MonitorSchedule(List.of(Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)), Duration.ofMinutes(30));

    /**
     * How a pretend deploy is judged.
     *
     * @param scheduled   every check of the schedule (true) or one comparison of the whole window
     * @param history     whether the judge gets the samples before the baseline, to weigh moves against
     * @param firstEnds   whether the first degraded check ends the watch, as the monitor did before
     *                    {@link Judge#settlesEarly}
     */
    record Protocol(String name, boolean scheduled, boolean history, boolean firstEnds) {
        static final Protocol AS_MONITORED = new Protocol("scheduled checks, history, early end beyond doubt (the monitor)",
                true, true, false);
        static final List<Protocol> ALL = List.of(AS_MONITORED,
                new Protocol("one comparison of the whole window, history", false, true, false),
                new Protocol("scheduled checks, no history, first degraded check ends", true, false, true),
                new Protocol("one comparison of the whole window, no history", false, false, false));
    }

    /** Figures for one series. */
    record Score(String series, int windowLength, int flagged, int anomalies, int falseAlarms, int quietDeploys) {

        Score plus(Score other) {
            return new Score("overall", 0, flagged + other.flagged, anomalies + other.anomalies,
                    falseAlarms + other.falseAlarms, quietDeploys + other.quietDeploys);
        }

        double truePositiveRate() {
            return anomalies == 0 ? Double.NaN : (double) flagged / anomalies;
        }

        double falsePositiveRate() {
            return quietDeploys == 0 ? Double.NaN : (double) falseAlarms / quietDeploys;
        }
    }

    private NabBenchmark() {
    }

    /** Default location: the shared data beside the repository. */
    static Path defaultNabDir() {
        String configured = System.getProperty("nab.dir", System.getenv("NAB_DIR"));
        return configured != null ? Path.of(configured) : dev.missioncontrol.testing.SharedData.dir("nab");
    }

    static List<Score> run(Path nabDir) throws IOException {
        return run(nabDir, AllowedChange.DEFAULT, Protocol.AS_MONITORED);
    }

    static List<Score> run(Path nabDir, AllowedChange bounds, Protocol protocol) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (String category : categories()) {
            NabSeries.load(nabDir, category).forEach(s -> scores.add(score(s, bounds, protocol)));
        }
        return scores;
    }

    /**
     * realKnownCause, unless {@code -Dnab.categories=realTraffic,realAWSCloudwatch} names others: the
     * judge is also measured on categories it was not developed on.
     */
    private static List<String> categories() {
        return List.of(System.getProperty("nab.categories", CATEGORY).split(","));
    }

    static Score overall(List<Score> scores) {
        return scores.stream().reduce(new Score("overall", 0, 0, 0, 0, 0), Score::plus);
    }

    private static Score score(NabSeries series, AllowedChange bounds, Protocol protocol) {
        Judged judged = new Judged(series, bounds, protocol);
        int length = series.windowLength();
        int flagged = (int) series.windows().stream()
                .filter(w -> judged.verdictAt(w[0], length) == VerdictState.DEGRADED).count();
        List<Integer> quiet = quietDeploys(series, length);
        int falseAlarms = (int) quiet.stream()
                .filter(at -> judged.verdictAt(at, length) != VerdictState.HEALTHY).count();
        return new Score(series.name(), length, flagged, series.windows().size(), falseAlarms, quiet.size());
    }

    /** One series judged under one protocol. */
    private record Judged(NabSeries series, AllowedChange bounds, Protocol protocol) {

        /**
         * The verdict on one pretend deploy: as the monitor reaches it, a check at each offset of the default
         * schedule scaled so that its bake time is the window length, a degraded check ending the watch where the
         * monitor would end it ({@link Judge#settlesEarly}); or from one comparison of the whole window.
         */
        VerdictState verdictAt(int deploy, int length) {
            if (!protocol.scheduled()) {
                return stateOf(checkAt(deploy, length));
            }
            List<Duration> offsets = SCHEDULE.checkOffsets();
            VerdictState state = VerdictState.INCONCLUSIVE;
            for (Duration offset : offsets) {
                int samples = (int) Math.round((double) length * offset.toMillis() / SCHEDULE.bake().toMillis());
                if (samples < MetricJudgement.MIN_SAMPLES) {
                    continue;
                }
                Check check = checkAt(deploy, samples);
                state = stateOf(check);
                boolean lastCheck = offset.equals(offsets.getLast());
                if (state == VerdictState.DEGRADED
                        && (lastCheck || protocol.firstEnds() || Judge.settlesEarly(check, offsets.size()))) {
                    return state;
                }
            }
            return state;
        }

        private Check checkAt(int deploy, int length) {
            Check check = new Check(DEPLOYED, List.of(MetricJudgement.judge(samplesAt(deploy, length), bounds)));
            if (Boolean.getBoolean("nab.verbose")) {
                System.err.printf("%s @%d n=%d %s %s%n", series.name(), deploy, length, stateOf(check),
                        check.metrics().getFirst());
            }
            return check;
        }

        /**
         * The window before and the window after the deploy, the samples before those as history, and the same
         * two windows a week earlier where the series reaches back that far without a gap at the week-earlier
         * deploy moment, and where those windows end by the deploy. In the monitor they always do (the bake is at
         * most a day), but a benchmark window can outlast a week (ambient temperature's 363 hourly samples): last
         * week's window after the deploy moment would then hold the deploy's own samples, and count the anomaly
         * being judged as already known.
         */
        private MetricSamples samplesAt(int deploy, int length) {
            double[] current = series.slice(deploy, deploy + length);
            int reach = protocol.history() ? EarlierWindows.WINDOWS_BACK : 0;
            MetricSamples samples = new MetricSamples(series.name(), series.slice(deploy - length, deploy), current,
                    Direction.EITHER, false).withHistory(series.slice(Math.max(0, deploy - length - reach * length),
                    deploy - length));
            int weekBefore = series.weekBefore(deploy, length);
            if (weekBefore < 0 || weekBefore + current.length > deploy) {
                return samples;
            }
            int weekBaselineStart = weekBefore - samples.baseline().length;
            return samples.withWeekEarlier(series.slice(weekBaselineStart, weekBefore),
                    series.slice(weekBefore, weekBefore + current.length)).withWeekEarlierHistory(
                    series.slice(weekBaselineStart - samples.history().length, weekBaselineStart));
        }

        private static VerdictState stateOf(Check check) {
            return Judge.decide(List.of(check), DEPLOYED).state();
        }
    }

    /** Deploy points whose judged span keeps a window length clear of every labelled window. */
    private static List<Integer> quietDeploys(NabSeries series, int length) {
        List<Integer> candidates = IntStream.rangeClosed(length, series.values().length - length)
                .filter(at -> series.windows().stream()
                        .allMatch(w -> at + length <= w[0] - length || at - length >= w[1] + length))
                .boxed().toList();
        List<Integer> picked = new ArrayList<>();
        int count = Math.min(QUIET_DEPLOYS, candidates.size());
        for (int i = 0; i < count; i++) {
            picked.add(candidates.get(count == 1 ? 0 : i * (candidates.size() - 1) / (count - 1)));
        }
        return picked;
    }

    /**
     * Prints the per-series table as the monitor runs, the protocols side by side, then how other bounds would
     * trade off.
     */
    public static void main(String[] args) throws IOException {
        Path nabDir = args.length > 0 ? Path.of(args[0]) : defaultNabDir();
        List<Score> scores = run(nabDir);
        System.out.println("| series | L (samples) | flagged / anomalies | TPR | false alarms / quiet deploys | FPR |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        scores.forEach(NabBenchmark::printRow);
        printRow(overall(scores));
        System.out.println();
        System.out.println("| protocol | flagged / anomalies | TPR | false alarms / quiet deploys | FPR |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Protocol protocol : Protocol.ALL) {
            Score s = overall(run(nabDir, AllowedChange.DEFAULT, protocol));
            System.out.printf("| %s | %d / %d | %.2f | %d / %d | %.3f |%n", protocol.name(), s.flagged(),
                    s.anomalies(), s.truePositiveRate(), s.falseAlarms(), s.quietDeploys(), s.falsePositiveRate());
        }
        System.out.println();
        printTradeOffs(nabDir);
    }

    /** How other bounds trade detection against false alarms, including the week-on-week bar. */
    private static void printTradeOffs(Path nabDir) throws IOException {
        System.out.println("| relative bound | spread bound | week-on-week spreads | TPR | FPR |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (double relative : new double[] {0, 0.05, 0.10, 0.20}) {
            for (double spreads : relative == 0 ? new double[] {0} : new double[] {0.25, 0.5, 1.0}) {
                printTradeOff(nabDir, new AllowedChange(relative, spreads));
            }
        }
        for (double weekSpreads : new double[] {2, 4, Double.POSITIVE_INFINITY}) {
            printTradeOff(nabDir, new AllowedChange(AllowedChange.DEFAULT.relative(),
                    AllowedChange.DEFAULT.spreads(), weekSpreads));
        }
        AllowedChange d = AllowedChange.DEFAULT;
        printBoundTable(nabDir, "extremes bound (baseline ranges)", new double[] {0.5, 1, 1.5, 2},
                d::withExtremeRanges);
        printBoundTable(nabDir, "record bound (history ranges)", new double[] {0, 0.05, 0.1, 0.25},
                d::withRecordRanges);
        printBoundTable(nabDir, "sustained bound (ranges of the history's stretch medians)",
                new double[] {0, 0.25, 0.5, 1}, d::withSustainedRanges);
        printBoundTable(nabDir, "spike bound (history ranges)", new double[] {0.1, 0.25, 0.5, 1},
                d::withSpikeRanges);
    }

    /** One bound's trade-off: each value given, then the comparison switched off (an infinite bound). */
    private static void printBoundTable(Path nabDir, String bound, double[] values,
            DoubleFunction<AllowedChange> bounds) throws IOException {
        System.out.println();
        System.out.println("| " + bound + " | TPR | FPR |");
        System.out.println("|---:|---:|---:|");
        for (double value : DoubleStream.concat(DoubleStream.of(values), DoubleStream.of(Double.POSITIVE_INFINITY))
                .toArray()) {
            printBoundRow(nabDir, value, bounds.apply(value));
        }
    }

    private static void printBoundRow(Path nabDir, double bound, AllowedChange bounds) throws IOException {
        Score total = overall(run(nabDir, bounds, Protocol.AS_MONITORED));
        System.out.printf("| %.2f | %.2f | %.3f |%n", bound, total.truePositiveRate(), total.falsePositiveRate());
    }

    private static void printTradeOff(Path nabDir, AllowedChange bounds) throws IOException {
        Score total = overall(run(nabDir, bounds, Protocol.AS_MONITORED));
        System.out.printf("| %.2f | %.2f | %.0f | %.2f | %.3f |%n", bounds.relative(), bounds.spreads(),
                bounds.weekSpreads(), total.truePositiveRate(), total.falsePositiveRate());
    }

    private static void printRow(Score s) {
        System.out.printf("| %s | %s | %d / %d | %.2f | %d / %d | %.3f |%n", s.series(),
                s.windowLength() == 0 ? "" : s.windowLength(), s.flagged(), s.anomalies(), s.truePositiveRate(),
                s.falseAlarms(), s.quietDeploys(), s.falsePositiveRate());
    }
}
