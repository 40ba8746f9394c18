package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What one metric comparison found; the wire words of API.md's {@code result}. */
public enum Outcome {
    /** No change beyond the allowed bounds, or no significant change at all. */
    PASS,
    /** Went up significantly and beyond the bounds. */
    HIGH,
    /** Went down significantly and beyond the bounds. */
    LOW,
    /** Too few samples on one side to say anything. */
    NODATA;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
