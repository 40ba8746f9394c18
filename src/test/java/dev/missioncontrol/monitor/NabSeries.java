package dev.missioncontrol.monitor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One NAB series with its labelled anomaly windows, as sample indexes.
 *
 * @param times   each sample's time, in seconds since the epoch (UTC)
 * @param windows each window as {start, end}, end exclusive
 */
record NabSeries(String name, long[] times, double[] values, List<int[]> windows) {

    private static final long WEEK_SECONDS = 7 * 24 * 3600;
    /** NAB sizes windows at 10 % of a series divided by its number of anomalies. */
    private static final double NO_ANOMALY_WINDOW_SHARE = 0.10;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    /**
     * Every series of one NAB category (such as {@code realKnownCause}) that the labels cover, including those the
     * labels give no anomaly: they count for false alarms only.
     */
    static List<NabSeries> load(Path nabDir, String category) throws IOException {
        Map<String, List<List<String>>> labels = new ObjectMapper().readValue(
                nabDir.resolve("labels/combined_windows.json").toFile(), new TypeReference<>() { });
        List<NabSeries> series = new ArrayList<>();
        for (var entry : labels.entrySet()) {
            Path csv = nabDir.resolve(entry.getKey());
            if (!Files.exists(csv)) {
                csv = nabDir.resolve("data").resolve(entry.getKey()); // a checkout of numenta/NAB keeps them in data/
            }
            if (entry.getKey().startsWith(category + "/") && Files.exists(csv)) {
                series.add(read(csv, entry.getValue()));
            }
        }
        series.sort((a, b) -> a.name().compareTo(b.name()));
        return series;
    }

    /**
     * The mean labelled window length in samples: the judged window length for this series. A series without
     * anomalies (artificialNoAnomaly) gets the window NAB would give it for one: 10 % of its length.
     */
    int windowLength() {
        return (int) Math.round(windows.stream().mapToInt(w -> w[1] - w[0]).average()
                .orElse(values.length * NO_ANOMALY_WINDOW_SHARE));
    }

    double[] slice(int from, int to) {
        return Arrays.copyOfRange(values, Math.max(0, from), Math.min(values.length, to));
    }

    /**
     * The index of the sample exactly one week before the given one, when there is one and the
     * series holds at least {@code reach} samples on both sides of it; otherwise -1.
     */
    int weekBefore(int index, int reach) {
        if (index >= times.length) {
            return -1; // a window labelled past the last sample: nothing to line up
        }
        int found = Arrays.binarySearch(times, times[index] - WEEK_SECONDS);
        return found - reach >= 0 && found + reach <= values.length ? found : -1;
    }

    private static NabSeries read(Path csv, List<List<String>> windowTimes) throws IOException {
        List<String> rows = Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).toList();
        LocalDateTime[] times = new LocalDateTime[rows.size()];
        long[] seconds = new long[rows.size()];
        double[] values = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            times[i] = LocalDateTime.parse(cells[0].strip(), TIME);
            seconds[i] = times[i].toEpochSecond(ZoneOffset.UTC);
            values[i] = Double.parseDouble(cells[cells.length - 1]);
        }
        List<int[]> windows = windowTimes.stream()
                .map(w -> new int[] {firstIndexPast(times, w.get(0), false), firstIndexPast(times, w.get(1), true)})
                .filter(w -> w[0] < values.length) // a label past the last sample has nothing after it to judge
                .toList();
        return new NabSeries(csv.getFileName().toString(), seconds, values, windows);
    }

    /** The first sample after the given time, or at it too unless {@code pastItsStart}. */
    private static int firstIndexPast(LocalDateTime[] times, String time, boolean pastItsStart) {
        LocalDateTime t = LocalDateTime.parse(time, TIME);
        int i = 0;
        while (i < times.length && (times[i].isBefore(t) || pastItsStart && times[i].isEqual(t))) {
            i++;
        }
        return i;
    }
}
