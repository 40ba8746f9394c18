package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.LogRecord;
import dev.missioncontrol.logs.WordCut;
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
    private double stepPerEvent = Double.NaN;
    private double previous = Double.NaN;
    private long steps;
    private long stepChanges;
    private long stillSteps;

    /**
     * Whether the value moved by the same step from event to event nearly every time: a counter ("Log entry 41"), not
     * a measurement. Nearly: one entry of a hundred thousand replaced by another line makes one step of two and the
     * next back to one, and the counter is still a counter. A measurement's step changes at most events, or it stands
     * still between them: a disk at 81 % for a hundred lines and then 82 % climbs, however regularly.
     */
    boolean counter() {
        long rare = Math.max(2, steps / 100);
        return stepChanges <= rare && stillSteps <= rare;
    }

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
            stepChanges += Double.isNaN(stepPerEvent) || step == stepPerEvent ? 0 : 1;
            stillSteps += step == 0 ? 1 : 0;
            stepPerEvent = step;
            steps++;
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

    /** The first line, cut between words: it is redacted only when shown. */
    private static String cut(String raw) {
        return WordCut.atMost(raw.lines().findFirst().orElse(""), EVIDENCE_CHARS);
    }
}
