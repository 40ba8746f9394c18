package dev.missioncontrol.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the lines of a log whose times name no zone stand among the nearest lines around them whose times name one.
 * A log is written in time order, so read in the zone they were written in such lines fall between their neighbours;
 * read an hour off, they fall an hour out of order. One source can interleave both (nginx's access lines with
 * {@code +0100}, the application's naive local times, a health checker's {@code Z}), and no other log of the request
 * then tells their zone as well as the lines beside them do. Kept for the lines a survey reads, so its size is bounded.
 */
public final class ZoneOrder {
    /**
     * How far out of order a line may stand without counting: buffered loggers and threads write seconds late, while a
     * misread zone puts a line a quarter of an hour or more away.
     */
    static final Duration SLACK = Duration.ofMinutes(1);

    /** A line without a zone, its time read as UTC, and the nearest times named before and after it (or null). */
    private record Between(Instant before, Instant unzoned, Instant after) {
    }

    private final List<Between> lines = new ArrayList<>();
    private final List<Instant> pending = new ArrayList<>();
    private Instant before;

    void take(LineFields fields) {
        Instant at = fields.timestamp();
        if (at == null) {
            return; // a continuation or an untimed line says nothing of the order
        }
        if (fields.zoneAssumed()) {
            pending.add(at);
        } else {
            close(at);
            before = at;
        }
    }

    /** Ends a stretch of lines read one after another: the next line read does not follow the last one in the log. */
    void cut() {
        close(null);
        before = null;
    }

    private void close(Instant after) {
        pending.forEach(t -> lines.add(new Between(before, t, after)));
        pending.clear();
    }

    /**
     * The zone among {@code candidates} in which its lines without a zone stand out of order with their neighbours
     * the fewest times; UTC when no line without a zone has a neighbour with one, or when two zones do equally well.
     */
    public ZoneOffset best(Set<ZoneOffset> candidates) {
        ZoneOffset best = ZoneOffset.UTC;
        int fewest = inversions(best);
        boolean tied = false;
        for (ZoneOffset zone : candidates) {
            int n = zone.equals(ZoneOffset.UTC) ? Integer.MAX_VALUE : inversions(zone);
            tied = n == fewest || tied && n > fewest;
            if (n < fewest) {
                best = zone;
                fewest = n;
            }
        }
        return tied ? ZoneOffset.UTC : best;
    }

    /** How many times its lines without a zone, read in {@code zone}, stand out of order with their neighbours. */
    int inversions(ZoneOffset zone) {
        int n = 0;
        for (Between b : lines) {
            Instant at = b.unzoned().minusSeconds(zone.getTotalSeconds());
            n += b.before() != null && b.before().isAfter(at.plus(SLACK)) ? 1 : 0;
            n += b.after() != null && b.after().isBefore(at.minus(SLACK)) ? 1 : 0;
        }
        return n;
    }
}
