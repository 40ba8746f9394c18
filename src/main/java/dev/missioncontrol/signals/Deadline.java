package dev.missioncontrol.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a caller stops waiting for Prometheus: a deploy monitor's check must not run into the next one, or a slow
 * Prometheus stretches the bake without limit. Queries not answered by then are left out, and the report says so.
 */
public record Deadline(Instant at, Clock clock) {

    /** {@code budget} from now on {@code clock}. */
    public static Deadline in(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    /** The time left, zero once it has passed. */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
