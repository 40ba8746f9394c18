package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds templates whose rate changed: the last quarter of the log compared with everything before it, and
 * single buckets far above a template's usual rate. These are where a person looks first after "what is
 * most common": something new started, something stopped, or something spiked.
 */
public final class RateChanges {

    /** How the last part of the log differs from before for one template. */
    public enum Kind { NEW, STOPPED, RISING, FALLING }

    /** Rates are events per bucket. */
    public record Change(TemplateSummary template, Kind kind, double before, double after) {
    }

    /** A bucket holding far more events of a template than its other buckets. */
    public record Burst(TemplateSummary template, int bucket, long count, double typical) {
    }

    static final double FACTOR = 3.0;
    static final int MIN_EVENTS = 5;

    private RateChanges() {
    }

    public static List<Change> changes(LogAnalysis analysis) {
        int split = analysis.buckets() - Math.max(1, analysis.buckets() / 4);
        List<Change> found = new ArrayList<>();
        if (split < 1) {
            return found;
        }
        for (TemplateSummary t : analysis.templates()) {
            long before = sum(t.histogram(), 0, split);
            long after = sum(t.histogram(), split, analysis.buckets());
            double rateBefore = (double) before / split;
            double rateAfter = (double) after / (analysis.buckets() - split);
            Kind kind = classify(before, after, rateBefore, rateAfter);
            if (kind != null) {
                found.add(new Change(t, kind, rateBefore, rateAfter));
            }
        }
        found.sort(Comparator.comparingDouble((Change c) -> -Math.abs(c.after() - c.before())));
        return found;
    }

    private static Kind classify(long before, long after, double rateBefore, double rateAfter) {
        if (before + after < MIN_EVENTS) {
            return null;
        }
        if (before == 0) {
            return Kind.NEW;
        }
        if (after == 0) {
            return Kind.STOPPED;
        }
        if (rateAfter >= FACTOR * rateBefore) {
            return Kind.RISING;
        }
        return rateBefore >= FACTOR * rateAfter ? Kind.FALLING : null;
    }

    public static List<Burst> bursts(LogAnalysis analysis) {
        List<Burst> found = new ArrayList<>();
        for (TemplateSummary t : analysis.templates()) {
            long[] counts = t.histogram();
            if (counts.length < 4) {
                continue;
            }
            int peak = 0;
            for (int i = 1; i < counts.length; i++) {
                peak = counts[i] > counts[peak] ? i : peak;
            }
            // typical rate excludes the peak itself, so one spike cannot hide itself by raising the mean
            double typical = (double) (sum(counts, 0, counts.length) - counts[peak]) / (counts.length - 1);
            if (counts[peak] >= MIN_EVENTS && counts[peak] >= FACTOR * Math.max(1.0, typical) * 2) {
                found.add(new Burst(t, peak, counts[peak], typical));
            }
        }
        found.sort(Comparator.comparingLong((Burst b) -> -b.count()));
        return found;
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += counts[i];
        }
        return total;
    }
}
