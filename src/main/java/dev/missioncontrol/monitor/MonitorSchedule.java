package dev.missioncontrol.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a successful deploy is checked: at the configured offsets (10 s, 30 s, 1 min, 5 min by default), then every
 * last-offset interval (every 5 min) until the bake time ends, and once more exactly at its end, where the verdict
 * becomes final.
 */
public record MonitorSchedule(List<Duration> offsets, Duration bake) {
    /** A long bake with a short last offset would otherwise mean thousands of checks. */
    static final int MAX_CHECKS = 50;

    public MonitorSchedule {
        offsets = List.copyOf(offsets);
        if (bake.isNegative() || bake.isZero()) {
            throw new IllegalArgumentException("the bake time must be positive");
        }
    }

    /** Every check's offset from the deploy, ascending; the last is the bake time. */
    public List<Duration> checkOffsets() {
        List<Duration> out = new ArrayList<>(offsets.stream().filter(o -> o.isPositive() && o.compareTo(bake) < 0)
                .sorted().distinct().toList());
        Duration every = out.isEmpty() ? bake : out.getLast();
        Duration spread = bake.dividedBy(MAX_CHECKS);
        every = every.compareTo(spread) < 0 ? spread : every;
        Duration next = out.isEmpty() ? bake : out.getLast().plus(every);
        while (next.compareTo(bake) < 0) {
            out.add(next);
            next = next.plus(every);
        }
        out.add(bake);
        return out;
    }

    /** When check number {@code done} (counting from 0) is due; empty once every check has run. */
    public Optional<Instant> due(Instant deployedAt, int done) {
        List<Duration> all = checkOffsets();
        return done < all.size() ? Optional.of(deployedAt.plus(all.get(done))) : Optional.empty();
    }

    /** Whether check number {@code index} is the last one, the one that makes the verdict final. */
    public boolean isLast(int index) {
        return index >= checkOffsets().size() - 1;
    }
}
