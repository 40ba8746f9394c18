package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.Ipv4;
import dev.missioncontrol.logs.LogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the miner does not keep per template but an investigation needs: which components wrote it, the addresses
 * it names most, and the numbers it carries over time. Bounded: a few components and {@link AddressTally#CAPACITY}
 * addresses per template, a fixed number of numeric series.
 */
final class TemplateExtras {
    static final int MAX_COMPONENTS = 5;
    static final int MAX_SERIES = 4096;
    static final int TOP_ADDRESSES = 3;

    /** Every event of a template is read for numbers up to this count; beyond it, every 2nd, 4th, … */
    static final int READ_ALL = 1024;

    private final List<Map<String, Long>> components = new ArrayList<>();
    private final List<long[]> eventCounts = new ArrayList<>();
    private final Map<Integer, NumericSeries> series = new HashMap<>();
    private final Map<Integer, AddressTally> addresses = new HashMap<>();
    private Instant origin;

    void add(int templateId, LogRecord event, boolean timed) {
        while (components.size() < templateId) {
            components.add(new LinkedHashMap<>());
            eventCounts.add(new long[2]); // events so far, and the number of the last one read for numbers
        }
        Map<String, Long> names = components.get(templateId - 1);
        if (event.component() != null && (names.size() < MAX_COMPONENTS || names.containsKey(event.component()))) {
            names.merge(event.component(), 1L, Long::sum);
        }
        Ipv4.forEach(event.message(),
                a -> addresses.computeIfAbsent(templateId, k -> new AddressTally()).count(a));
        long[] counts = eventCounts.get(templateId - 1);
        long n = counts[0]++;
        Double x = position(event, timed);
        if (x != null && n % stride(n) == 0) {
            readNumbers(templateId, event, x, n - counts[1]);
            counts[1] = n;
        }
    }

    private void readNumbers(int templateId, LogRecord event, double x, long gap) {
        for (NumberReading r : NumberReading.of(event)) {
            NumericSeries s = seriesFor(templateId * 2 * NumberReading.MAX_SLOTS + r.slot(), r);
            if (s != null) {
                s.add(x, r.value(), event, gap);
            }
        }
    }

    /**
     * Reading numbers costs more than mining, so a frequent template is thinned out evenly: a fit over a few
     * thousand readings spread over the log finds the same slope as one over half a million.
     */
    static long stride(long n) {
        return n < READ_ALL ? 1 : Long.highestOneBit(n / (READ_ALL / 2));
    }

    /** In order of first appearance: the first names who wrote the template's first line. */
    List<String> components(int templateId) {
        if (templateId > components.size()) {
            return List.of();
        }
        return List.copyOf(components.get(templateId - 1).keySet());
    }

    /** The addresses the template's lines name most, most first. */
    List<AddressTally.Count> addresses(int templateId) {
        AddressTally tally = addresses.get(templateId);
        return tally == null ? List.of() : tally.top(TOP_ADDRESSES);
    }

    List<Trend> trends(boolean timed) {
        List<Trend> found = new ArrayList<>();
        series.forEach((key, s) -> {
            Trend t = Trend.of(key / (2 * NumberReading.MAX_SLOTS), s, timed);
            if (t != null) {
                found.add(t);
            }
        });
        return found;
    }

    /** Seconds since the first timed event, or the line number when the log has no time. */
    private Double position(LogRecord event, boolean timed) {
        if (!timed) {
            return (double) event.lineNo();
        }
        Instant at = event.timestamp();
        if (at == null) {
            return null;
        }
        if (origin == null) {
            origin = at;
        }
        return (at.getEpochSecond() - origin.getEpochSecond()) + (at.getNano() - origin.getNano()) / 1e9;
    }

    private NumericSeries seriesFor(int key, NumberReading r) {
        NumericSeries s = series.get(key);
        if (s == null && series.size() < MAX_SERIES) {
            s = new NumericSeries(r.label(), r.unit());
            series.put(key, s);
        }
        return s;
    }
}
