package dev.missioncontrol.tools.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.monitor.DeployMonitorBrain;
import dev.missioncontrol.monitor.MonitorSchedule;
import dev.missioncontrol.signals.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long one look at the metrics may wait for Prometheus: at most {@link #CAP}, and no later than the next
 * scheduled check of a deploy monitor, so a slow Prometheus cannot stretch a bake; at least {@link #FLOOR}, so a
 * check that runs late (catching up after an outage) still gets its answers from a healthy Prometheus.
 */
final class CheckDeadline {
    /** Above the HTTP client's 10 s timeout, so one slow but answering query still counts. */
    static final Duration CAP = Duration.ofSeconds(15);
    /** A healthy Prometheus answers a check's few queries in well under this. */
    static final Duration FLOOR = Duration.ofSeconds(2);

    private CheckDeadline() {
    }

    /** For a look outside any schedule, such as an investigation's. */
    static Deadline capped(Clock clock) {
        return Deadline.in(CAP, clock);
    }

    /** For the check judging the window up to {@code at} of the deploy at {@code deployed}. */
    static Deadline of(SessionFacts session, Instant deployed, Instant at, Clock clock) {
        Duration untilNext = nextCheck(session, deployed, at).map(next -> Duration.between(clock.instant(), next))
                .orElse(CAP);
        Duration budget = untilNext.compareTo(CAP) > 0 ? CAP : untilNext.compareTo(FLOOR) < 0 ? FLOOR : untilNext;
        return Deadline.in(budget, clock);
    }

    /** When the session's schedule makes its next check; empty for the last one, or without a schedule. */
    private static Optional<Instant> nextCheck(SessionFacts session, Instant deployed, Instant at) {
        JsonNode context = session.context();
        try {
            return MonitorSchedule.fromJson(context == null ? null : context.get(DeployMonitorBrain.SCHEDULE_KEY))
                    .flatMap(s -> s.checkOffsets().stream().map(deployed::plus).filter(t -> t.isAfter(at)).findFirst());
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // the monitor falls back to the server's schedule; the cap still holds
        }
    }
}
