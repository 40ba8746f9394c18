package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which comparison found a metric's change, so the people reading a verdict know what the numbers mean. */
public enum FoundBy {
    /** The rank test and its bounds, against the window before the deploy. */
    LEVELS,
    /** The same test on both windows minus last week's samples at the same moments. */
    WEEK_ON_WEEK,
    /** Samples after the deploy far beyond anything the window before it held. */
    EXTREMES;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
