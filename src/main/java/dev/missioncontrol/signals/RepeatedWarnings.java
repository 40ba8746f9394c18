package dev.missioncontrol.signals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * A warning said once per cause and quiet interval: a Prometheus that is down, refuses the server's login or answers
 * no series is met by every fetch of every deploy it watches, a few per check, and the same line repeated for each
 * of twenty deploys buried whatever else the log said. The report of each check still names the cause.
 */
final class RepeatedWarnings {
    /** More causes than this at once are not one outage; the record starts again rather than growing. */
    private static final int MAX_KEPT = 1_000;

    private final Logger log;
    private final Duration quiet;
    private final Clock clock;
    private final Map<String, Instant> lastSaid = new ConcurrentHashMap<>();

    RepeatedWarnings(Logger log, Duration quiet, Clock clock) {
        this.log = log;
        this.quiet = quiet;
        this.clock = clock;
    }

    /** Logs {@code line} unless it was logged within the quiet interval. */
    void warn(String line) {
        Instant now = clock.instant();
        Instant before = lastSaid.get(line);
        if (before != null && before.plus(quiet).isAfter(now)) {
            return;
        }
        if (lastSaid.size() >= MAX_KEPT) {
            lastSaid.clear();
        }
        lastSaid.put(line, now);
        log.warn("{} (said once every {} minutes while it lasts; each check's report names it)", line,
                quiet.toMinutes());
    }
}
