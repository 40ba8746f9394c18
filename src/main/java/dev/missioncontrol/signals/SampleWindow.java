package dev.missioncontrol.signals;

import dev.missioncontrol.config.DurationText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The times a pushed sample may carry. Clients' clocks drift, but a sample further ahead than {@link #MAX_FUTURE} is a
 * mistake, not drift; and one older than the retention would be deleted by the next hourly cleanup, so answering 202
 * for it would acknowledge what is never kept.
 *
 * @param retention how long pushed samples are kept ({@code --signal-retention})
 */
public record SampleWindow(Clock clock, Duration retention) {
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    /** Why a sample at {@code at} cannot be kept, seen at {@code now}; null when it can. */
    String refusal(Instant at, Instant now) {
        if (at.isAfter(now.plus(MAX_FUTURE))) {
            return "must not be more than 5 minutes in the future";
        }
        if (at.isBefore(now.minus(retention)) || at.isBefore(Instant.EPOCH)) {
            return "is older than the signal retention (" + DurationText.format(retention) + ", --signal-retention): "
                    + "it would be deleted within the hour, so it is not taken";
        }
        return null;
    }
}
