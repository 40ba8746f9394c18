package dev.missioncontrol.agent.analyst;

import java.time.Duration;

/** Durations as people write them: "248 ms", "3m 0s", "2h 5m", "3d 4h". */
final class Spans {
    private Spans() {
    }

    static String of(Duration d) {
        if (d == null) {
            return "an unknown time";
        }
        Duration a = d.abs();
        if (a.toMillis() < 1000) {
            return a.toMillis() + " ms";
        }
        if (a.toMinutes() < 1) {
            return String.format(java.util.Locale.ROOT, "%.1f s", a.toMillis() / 1000.0);
        }
        if (a.toHours() < 1) {
            return a.toMinutes() + "m " + a.toSecondsPart() + "s";
        }
        if (a.toDays() < 1) {
            return a.toHours() + "h " + a.toMinutesPart() + "m";
        }
        return a.toDays() + "d " + a.toHoursPart() + "h";
    }
}
