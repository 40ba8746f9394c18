package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-size histograms over one shared axis (epoch seconds, or line numbers for logs without time).
 * The axis starts at the first position seen; when a position falls past the last bucket, the bucket width
 * doubles and every series folds pairs of buckets, so memory stays at {@link #BUCKETS} per series however
 * long the log is.
 */
final class Timeline {

    static final int BUCKETS = 64;

    private final List<long[]> series = new ArrayList<>();
    private long origin;
    private long width = 1;
    private boolean started;

    long[] newSeries() {
        long[] counts = new long[BUCKETS];
        series.add(counts);
        return counts;
    }

    void count(long[] counts, long position) {
        if (!started) {
            origin = position;
            started = true;
        }
        while (position - origin >= width * BUCKETS) {
            widen();
        }
        // out-of-order events before the first one land in the first bucket rather than being lost
        int bucket = (int) Math.max(0, (position - origin) / width);
        counts[bucket]++;
    }

    long origin() {
        return origin;
    }

    long width() {
        return width;
    }

    /** Buckets in use: up to and including the one holding the latest position. */
    int used(long lastPosition) {
        return started ? (int) Math.min(BUCKETS, Math.max(0, (lastPosition - origin) / width) + 1) : 0;
    }

    private void widen() {
        width *= 2;
        for (long[] counts : series) {
            for (int i = 0; i < BUCKETS / 2; i++) {
                counts[i] = counts[2 * i] + counts[2 * i + 1];
            }
            java.util.Arrays.fill(counts, BUCKETS / 2, BUCKETS, 0);
        }
    }
}
