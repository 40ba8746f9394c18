package dev.missioncontrol.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushed samples of one fetch, per series, held to a bound. A fleet pushing a gauge per pod every few seconds gives a
 * day of history (which a check fetches for this week and last) hundreds of thousands of samples per metric; past
 * the bound, each series keeps its last sample per step, as a Prometheus range query reads a series at each step,
 * and the step doubles until the samples fit. A counter's last sample per step still gives its rate over that step.
 * Below the bound nothing is dropped, so an ordinary service's windows are judged on every sample pushed.
 */
final class ThinnedPoints {
    /** About 10 MB of samples per fetch. */
    static final int DEFAULT_BOUND = 200_000;

    private final int bound;
    private final long spanMillis;
    private final Map<Long, List<Series.Point>> bySeries = new LinkedHashMap<>();
    private long stepMillis;
    private int held;

    /** @param spanMillis how long the fetch reaches, which sets the first step once the bound is passed */
    ThinnedPoints(int bound, long spanMillis) {
        this.bound = bound;
        this.spanMillis = Math.max(1, spanMillis);
    }

    /** Adds a series' next sample; samples of one series arrive oldest first. */
    void add(long seriesId, Series.Point point) {
        List<Series.Point> points = bySeries.computeIfAbsent(seriesId, k -> new ArrayList<>());
        if (stepMillis > 0 && !points.isEmpty() && sameStep(points.getLast(), point)) {
            points.set(points.size() - 1, point);
            return;
        }
        points.add(point);
        held++;
        // past a step as long as the fetch, each series holds two samples at most: thinner is no use
        while (held > bound && stepMillis <= spanMillis) {
            stepMillis = stepMillis == 0 ? Math.max(1, spanMillis * bySeries.size() / bound) : stepMillis * 2;
            held = 0;
            bySeries.replaceAll((id, kept) -> lastPerStep(kept));
        }
    }

    List<Series.Point> points(long seriesId) {
        return bySeries.get(seriesId);
    }

    /** The step samples were thinned to, in milliseconds; 0 when every sample was kept. */
    long stepMillis() {
        return stepMillis;
    }

    private List<Series.Point> lastPerStep(List<Series.Point> points) {
        List<Series.Point> kept = new ArrayList<>();
        for (Series.Point p : points) {
            if (!kept.isEmpty() && sameStep(kept.getLast(), p)) {
                kept.set(kept.size() - 1, p);
            } else {
                kept.add(p);
            }
        }
        held += kept.size();
        return kept;
    }

    private boolean sameStep(Series.Point a, Series.Point b) {
        return Math.floorDiv(a.at().toEpochMilli(), stepMillis) == Math.floorDiv(b.at().toEpochMilli(), stepMillis);
    }
}
