package dev.missioncontrol.logs;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What one line says about itself: the header fields found in it and the message that remains.
 *
 * @param zoneAssumed true when the line's time named no zone and was read in the zone assumed for the log
 * @param zone        the zone the line's time named, or null
 */
record LineFields(Instant timestamp, String level, String component, String message, boolean zoneAssumed,
                  ZoneOffset zone) {

    LineFields(Instant timestamp, String level, String component, String message, boolean zoneAssumed) {
        this(timestamp, level, component, message, zoneAssumed, null);
    }

    LineFields(Instant timestamp, String level, String component, String message) {
        this(timestamp, level, component, message, false);
    }

    /** The same fields with a time that named no zone read in {@code zone} rather than UTC. */
    LineFields unzonedIn(ZoneOffset assumed) {
        return !zoneAssumed || assumed.equals(ZoneOffset.UTC) ? this : new LineFields(
                timestamp.minusSeconds(assumed.getTotalSeconds()), level, component, message, true, null);
    }

    /** Fields with the time found in the line's header, if any. */
    static LineFields at(Timestamps.Found time, String level, String component, String message) {
        return time == null ? new LineFields(null, level, component, message)
                : new LineFields(time.instant(), level, component, message, !time.zoned(), time.zone());
    }

    static LineFields plain(String line) {
        return new LineFields(null, null, null, line);
    }
}
