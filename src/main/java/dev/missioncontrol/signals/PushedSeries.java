package dev.missioncontrol.signals;

import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of a push, its samples gathered before the push's transaction begins: a push of thousands of samples
 * holds the database's write lock (on SQLite, every writer of the node waits for it), and writing each sample's labels
 * as JSON and hashing them into its series id there held it longer than the rows themselves. What is left inside is
 * one hash per series, since its id includes the project the transaction resolves.
 *
 * @param samples where in the push this series' samples were, for an error that names them
 * @param points value by time in epoch milliseconds; a time pushed twice keeps the later value
 */
record PushedSeries(String name, Map<String, String> labels, String labelsJson, List<Integer> samples,
        Map<Long, Double> points) {

    /** The samples grouped by series, in the order each series first appears. */
    static List<PushedSeries> of(List<Sample> samples) {
        Map<List<Object>, PushedSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            PushedSeries one = series.computeIfAbsent(List.of(s.name(), s.labels()), k -> new PushedSeries(s.name(),
                    s.labels(), Json.write(s.labels()), new ArrayList<>(), new LinkedHashMap<>()));
            one.samples().add(i);
            one.points().put(s.at().toEpochMilli(), s.value());
        }
        return List.copyOf(series.values());
    }
}
