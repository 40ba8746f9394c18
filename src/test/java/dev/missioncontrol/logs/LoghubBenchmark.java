package dev.missioncontrol.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints GA and PA of the miner on the Loghub-2k systems beside Drain's published figures.
 * Run with {@code bench/loghub.sh [DATA_DIR]}.
 */
public final class LoghubBenchmark {

    /** Drain, Table 1 of PUBLISHED.md: Zhu et al., ICSE-SEIP 2019, original ground truth. */
    static final Map<String, Double> DRAIN_GA = Map.ofEntries(
            Map.entry("HDFS", 0.998), Map.entry("Hadoop", 0.948), Map.entry("Spark", 0.920),
            Map.entry("Zookeeper", 0.967), Map.entry("OpenStack", 0.733), Map.entry("BGL", 0.963),
            Map.entry("HPC", 0.887), Map.entry("Thunderbird", 0.955), Map.entry("Windows", 0.997),
            Map.entry("Linux", 0.690), Map.entry("Mac", 0.787), Map.entry("Android", 0.911),
            Map.entry("HealthApp", 0.780), Map.entry("Apache", 1.000), Map.entry("OpenSSH", 0.788),
            Map.entry("Proxifier", 0.527));
    /** Drain on the corrected ground truth, Table 3 of PUBLISHED.md: Jiang et al., ISSTA 2024 (GA, PA). */
    static final Map<String, double[]> DRAIN_CORRECTED = Map.ofEntries(
            Map.entry("HDFS", new double[] {0.998, 0.500}), Map.entry("Hadoop", new double[] {0.948, 0.269}),
            Map.entry("Spark", new double[] {0.922, 0.362}), Map.entry("Zookeeper", new double[] {0.967, 0.497}),
            Map.entry("OpenStack", new double[] {0.733, 0.018}), Map.entry("BGL", new double[] {0.963, 0.342}),
            Map.entry("HPC", new double[] {0.887, 0.635}), Map.entry("Thunderbird", new double[] {0.955, 0.046}),
            Map.entry("Linux", new double[] {0.690, 0.183}), Map.entry("Mac", new double[] {0.786, 0.217}),
            Map.entry("Apache", new double[] {1.000, 0.694}), Map.entry("OpenSSH", new double[] {0.789, 0.508}),
            Map.entry("HealthApp", new double[] {0.780, 0.231}), Map.entry("Proxifier", new double[] {0.526, 0.000}));

    private LoghubBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]).toAbsolutePath().normalize() : LoghubSystems.defaultRoot();
        for (var system : LoghubSystems.in(root)) {
            LoghubScore.of(system); // warm-up: without it lines/s measures the JIT compiler, not the miner
        }
        List<LoghubScore> scores = new ArrayList<>();
        for (var system : LoghubSystems.in(root)) {
            scores.add(LoghubScore.of(system));
        }
        System.out.print(table(scores));
    }

    static String table(List<LoghubScore> scores) {
        StringBuilder out = new StringBuilder();
        out.append("| System | GA | Drain GA [A] | PA | GA (corrected GT) | Drain GA [C] | PA (corrected GT)"
                + " | Drain PA [C] | GA without --format | templates | lines/s |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        double[] sums = new double[8];
        for (LoghubScore s : scores) {
            double[] drain = DRAIN_CORRECTED.getOrDefault(s.system(), new double[] {Double.NaN, Double.NaN});
            double[] row = {s.ga(), DRAIN_GA.getOrDefault(s.system(), Double.NaN), s.pa(), s.correctedGa(),
                drain[0], s.correctedPa(), drain[1], s.detectedGa()};
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f |%n", s.system(), cells(row),
                    s.templates(), s.lines() / (s.nanos() / 1e9)));
            for (int i = 0; i < sums.length; i++) {
                sums[i] += row[i];
            }
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= scores.size();
        }
        out.append(String.format(Locale.ROOT, "| **Average** | %s | | |%n", cells(sums)));
        return out.toString();
    }

    private static String cells(double[] values) {
        StringBuilder cells = new StringBuilder();
        for (double v : values) {
            cells.append(cells.isEmpty() ? "" : " | ").append(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v));
        }
        return cells.toString();
    }
}
