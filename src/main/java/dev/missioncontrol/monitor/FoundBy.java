package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which comparison found a metric's change, so the people reading a verdict know what the numbers mean. */
public enum FoundBy {
    /** The rank test and its bounds, against the window before the deploy. */
    LEVELS,
    /** The same test on both windows minus last week's samples at the same moments. */
    WEEK_ON_WEEK,
    /** Samples after the deploy far beyond anything the window before it held. */
    EXTREMES,
    /** Samples after the deploy beyond everything the metric did in the history before it. */
    RECORD,
    /** A stretch of minutes after the deploy whose median lies beyond that of every stretch in the history. */
    SUSTAINED,
    /** One sample after the deploy far beyond everything the metric did in the history before it. */
    SPIKE,
    /**
     * Samples after the deploy a source gave as infinite in the metric's bad direction, where nothing before it was:
     * errors / successes once nothing succeeds. No finite figure compares, so the move is as bad as a move gets.
     */
    UNBOUNDED;

    /** Whether the comparison measures against the whole history, which the earlier windows lie within. */
    public boolean againstHistory() {
        return this == RECORD || this == SUSTAINED || this == SPIKE;
    }

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The comparison by its wire name, as stored verdicts carry it; empty for an unknown or missing one. */
    public static Optional<FoundBy> fromWire(String wire) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(wire)).findFirst();
    }

    /**
     * For people: "levels", "week on week", "extremes (12.5 beyond)", "record (12.5 beyond the history)",
     * "sustained (12.5 beyond the history)", "spike (12.5 beyond the history)" or "unbounded (infinite since the
     * deploy)", with the effect as the caller formats it.
     */
    public String describe(String effect) {
        String words = wireName().replace('_', ' ');
        return switch (this) {
            case EXTREMES -> words + " (" + effect + " beyond)";
            case RECORD, SUSTAINED, SPIKE -> words + " (" + effect + " beyond the history)";
            case UNBOUNDED -> words + " (infinite since the deploy)";
            default -> words;
        };
    }
}
