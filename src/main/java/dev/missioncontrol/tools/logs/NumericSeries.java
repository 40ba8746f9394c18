package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.LogRecord;
import java.time.Instant;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * One measurement of one template over the log (e.g. the latency in "took 850ms"), kept as running regression
 * sums and its first and last readings, so memory does not grow with the number of events.
 */
final class NumericSeries {
    static final int EVIDENCE_CHARS = 400;

    final String label;
    final String unit;
    final SimpleRegression fit = new SimpleRegression();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Reading first;
    Reading last;
    /** Whether every event so far moved the value by the same step in arrival order: a counter, not a measurement. */
    boolean counter = true;
    private double stepPerEvent = Double.NaN;
    private double previous = Double.NaN;

    /** One reading with the line that stated it, kept for evidence. */
    record Reading(double x, double value, long lineNo, Instant at, String raw) {
    }

    NumericSeries(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** Adds a reading; {@code gap} is how many of the template's events passed since the previous reading. */
    void add(double x, double value, LogRecord event, long gap) {
        fit.addData(x, value);
        if (!Double.isNaN(previous) && gap > 0) {
            double step = (value - previous) / gap;
            counter = counter && (Double.isNaN(stepPerEvent) || step == stepPerEvent);
            stepPerEvent = step;
        }
        previous = value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (first == null || x < first.x()) {
            first = new Reading(x, value, event.lineNo(), event.timestamp(), cut(event.raw()));
        }
        if (last == null || x >= last.x()) {
            last = new Reading(x, value, event.lineNo(), event.timestamp(), cut(event.raw()));
        }
    }

    private static String cut(String raw) {
        String line = raw.lines().findFirst().orElse("");
        return line.length() <= EVIDENCE_CHARS ? line : line.substring(0, EVIDENCE_CHARS);
    }
}
