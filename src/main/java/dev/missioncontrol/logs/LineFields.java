package dev.missioncontrol.logs;

import java.time.Instant;

/** What one line says about itself: the header fields found in it and the message that remains. */
record LineFields(Instant timestamp, String level, String component, String message) {

    static LineFields plain(String line) {
        return new LineFields(null, null, null, line);
    }
}
