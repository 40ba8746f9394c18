package dev.missioncontrol.logs;

import java.time.Instant;

/**
 * What one line says about itself: the header fields found in it and the message that remains.
 *
 * @param zoneAssumed true when the line's time named no zone and was read as UTC
 */
record LineFields(Instant timestamp, String level, String component, String message, boolean zoneAssumed) {

    LineFields(Instant timestamp, String level, String component, String message) {
        this(timestamp, level, component, message, false);
    }

    /** Fields with the time found in the line's header, if any. */
    static LineFields at(Timestamps.Found time, String level, String component, String message) {
        return time == null ? new LineFields(null, level, component, message)
                : new LineFields(time.instant(), level, component, message, !time.zoned());
    }

    static LineFields plain(String line) {
        return new LineFields(null, null, null, line);
    }
}
