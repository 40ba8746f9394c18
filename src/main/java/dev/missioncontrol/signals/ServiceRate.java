package dev.missioncontrol.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A pushed counter's rate for the whole service, as Prometheus users read throughput: {@code sum(rate(x))}. Each
 * label set (a pod, an instance) counts on its own; its increase between two samples is spread over the time between
 * them, and the label sets' increases are summed in buckets as long as the counters' sample spacing. A label set that
 * stops adds nothing after its last sample and one that appears adds its increases from its start, so half the pods
 * gone halves the rate, twice the pods at half the traffic each leave it as it was, and the new pods of a rolling
 * deploy carry the old ones' traffic on. Spreading, rather than counting each increase in the bucket of its sample,
 * keeps a pod whose pushes jitter around a bucket's edge from adding two increases to one bucket and none to the next.
 */
final class ServiceRate {
    /** A label set whose last sample is this many spacings older than the newest one has stopped. */
    private static final int STOPPED_AFTER_SPACINGS = 2;

    /** An increase over [from, to), in epoch milliseconds. */
    private record Span(long from, long to, double increase) {
    }

    private ServiceRate() {
    }

    /**
     * The service's rate per second in each bucket that every label set still reporting has covered, oldest first,
     * each at its bucket's start; none before {@code from}. Empty when no label set has two samples.
     */
    static List<Series.Point> of(Collection<List<Series.Point>> counters, Instant from) {
        List<Span> spans = new ArrayList<>();
        long earliest = earliest(counters);
        counters.forEach(points -> spans.addAll(spans(points, earliest)));
        if (spans.isEmpty()) {
            return List.of();
        }
        long width = width(counters);
        long first = Math.max(ceil(spans.stream().mapToLong(Span::from).min().orElseThrow(), width),
                ceil(from.toEpochMilli(), width));
        long last = Math.floorDiv(horizon(counters, width), width); // buckets end at or before it
        if (last <= first) {
            return List.of();
        }
        double[] increases = new double[(int) (last - first)];
        spans.forEach(s -> spread(s, increases, first, width));
        List<Series.Point> out = new ArrayList<>();
        for (int i = 0; i < increases.length; i++) {
            out.add(new Series.Point(Instant.ofEpochMilli((first + i) * width), increases[i] * 1000.0 / width));
        }
        return out;
    }

    /**
     * A label set's increases between its samples, a fall read as a restart that counted again from zero. A label set
     * that began after the earliest sample read (a new pod) also counts its first value, from when its own rate says
     * it was zero, as Prometheus' rate() extrapolates to zero; one that was already counting has no such start within
     * reach, and its first value is a total from before the windows.
     */
    private static List<Span> spans(List<Series.Point> counter, long earliest) {
        List<Span> out = new ArrayList<>();
        for (int i = 1; i < counter.size(); i++) {
            long before = counter.get(i - 1).at().toEpochMilli();
            long now = counter.get(i).at().toEpochMilli();
            if (now > before) { // a sample pushed twice at one moment has no time to spread over
                out.add(new Span(before, now, increase(counter.get(i - 1).value(), counter.get(i).value())));
            }
        }
        if (!out.isEmpty() && counter.getFirst().value() > 0 && out.getFirst().increase() > 0) {
            Span next = out.getFirst();
            long sinceZero = Math.round(counter.getFirst().value() * (next.to() - next.from()) / next.increase());
            if (next.from() - sinceZero >= earliest) {
                out.addFirst(new Span(next.from() - sinceZero, next.from(), counter.getFirst().value()));
            }
        }
        return out;
    }

    /** The increase from one sample to the next; a fall is a reset, and the new value all that was counted since. */
    static double increase(double before, double now) {
        return now >= before ? now - before : now;
    }

    /** Adds each bucket's share of the span: the part of the span's time that falls within the bucket. */
    private static void spread(Span s, double[] increases, long first, long width) {
        double perMilli = s.increase() / (s.to() - s.from());
        long fromBucket = Math.max(first, Math.floorDiv(s.from(), width));
        long toBucket = Math.min(first + increases.length - 1, Math.floorDiv(s.to() - 1, width));
        for (long b = fromBucket; b <= toBucket; b++) {
            long overlap = Math.min(s.to(), (b + 1) * width) - Math.max(s.from(), b * width);
            increases[(int) (b - first)] += perMilli * overlap;
        }
    }

    /**
     * The counters' sample spacing: the median time between consecutive samples. Never so short that the buckets
     * outnumber the samples, so a burst of pushes a millisecond apart cannot make a day of buckets that fine.
     */
    private static long width(Collection<List<Series.Point>> counters) {
        List<Long> gaps = new ArrayList<>();
        int samples = 0;
        for (List<Series.Point> c : counters) {
            samples += c.size();
            for (int i = 1; i < c.size(); i++) {
                long gap = c.get(i).at().toEpochMilli() - c.get(i - 1).at().toEpochMilli();
                if (gap > 0) {
                    gaps.add(gap);
                }
            }
        }
        gaps.sort(null);
        long span = latest(counters) - earliest(counters);
        return Math.max(Math.max(1, gaps.get(gaps.size() / 2)), span / Math.max(1, samples));
    }

    /**
     * How far every label set still reporting has counted: the oldest last sample among them. A bucket after it would
     * lack the increases some pods have not pushed yet, and read as a dip at the end of every window.
     */
    private static long horizon(Collection<List<Series.Point>> counters, long width) {
        long latest = latest(counters);
        return counters.stream().filter(c -> !c.isEmpty()).mapToLong(c -> c.getLast().at().toEpochMilli())
                .filter(last -> last >= latest - STOPPED_AFTER_SPACINGS * width).min().orElse(latest);
    }

    private static long earliest(Collection<List<Series.Point>> counters) {
        return counters.stream().filter(c -> !c.isEmpty()).mapToLong(c -> c.getFirst().at().toEpochMilli()).min()
                .orElse(0);
    }

    private static long latest(Collection<List<Series.Point>> counters) {
        return counters.stream().filter(c -> !c.isEmpty()).mapToLong(c -> c.getLast().at().toEpochMilli()).max()
                .orElse(0);
    }

    private static long ceil(long millis, long width) {
        return Math.floorDiv(millis + width - 1, width);
    }
}
