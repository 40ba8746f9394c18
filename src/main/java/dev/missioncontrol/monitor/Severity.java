package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How far a failing metric moved in its bad direction, graded by ratio to the baseline as Cased
 * grades it: 1.25x medium, 1.5x high, 2x critical; anything less is minor.
 */
public enum Severity {
    MINOR, MEDIUM, HIGH, CRITICAL;

    /** Grades a ratio already turned so that above 1 means worse (inverted for decrease-bad metrics). */
    static Severity ofWorseningRatio(double ratio) {
        if (ratio >= 2.0) {
            return CRITICAL;
        }
        if (ratio >= 1.5) {
            return HIGH;
        }
        return ratio >= 1.25 ? MEDIUM : MINOR;
    }

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
