package dev.missioncontrol.sessions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The session queue on /metrics, across every node of the cluster: sessions with a step due and no worker on it, and
 * sessions a worker holds. A waiting count that grows while the running count stays at the nodes' concurrency says
 * the cluster needs more workers; one that grows with nothing running says the workers are stuck.
 */
public final class QueueGauges {
    private static final String CLAIMED = "lease_owner IS NOT NULL AND lease_expires_at >= :now";

    private QueueGauges() {
    }

    public static void bindTo(MeterRegistry registry, Jdbi jdbi, Clock clock) {
        Gauge.builder("missioncontrol.sessions.waiting", () -> count(jdbi, clock, JobStore.DUE_UNCLAIMED))
                .description("sessions with a step due that no worker holds").register(registry);
        Gauge.builder("missioncontrol.sessions.running", () -> count(jdbi, clock, CLAIMED))
                .description("sessions a worker holds").register(registry);
    }

    static long count(Jdbi jdbi, Clock clock, String condition) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM session_jobs WHERE " + condition)
                .bind("now", clock.millis()).mapTo(Long.class).one());
    }
}
