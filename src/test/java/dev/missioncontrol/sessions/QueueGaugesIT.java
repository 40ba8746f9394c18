package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The queue as /metrics shows it: a due step no worker holds waits; a held one runs; a later one is neither. */
class QueueGaugesIT {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void counts_waiting_and_running_sessions_across_the_cluster() throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-queue")), "NORMAL")) {
            long now = NOW.toEpochMilli();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO organizations (id, name, created_at) VALUES ('o', 'acme', 0)");
                for (String id : new String[] {"due", "expired", "held", "later"}) {
                    h.execute("INSERT INTO agent_sessions (id, org_id, kind, status, title, prompt, created_at, "
                            + "updated_at) VALUES (?, 'o', 'general', 'active', 't', 'p', 0, 0)", id);
                }
                h.execute("INSERT INTO session_jobs (session_id, next_run_at) VALUES ('due', ?)", now - 1_000);
                h.execute("INSERT INTO session_jobs (session_id, next_run_at, lease_owner, lease_expires_at) "
                        + "VALUES ('expired', ?, 'dead-node', ?)", now - 60_000, now - 5_000);
                h.execute("INSERT INTO session_jobs (session_id, next_run_at, lease_owner, lease_expires_at) "
                        + "VALUES ('held', ?, 'node-a', ?)", now - 2_000, now + 30_000);
                h.execute("INSERT INTO session_jobs (session_id, next_run_at) VALUES ('later', ?)", now + 60_000);
            });
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            QueueGauges.bindTo(registry, db.jdbi(), db.dialect(), Clock.fixed(NOW, ZoneOffset.UTC));
            collectGarbage(); // the server's gauges live as long as the process, through every collection

            assertThat(registry.get("missioncontrol.sessions.waiting").gauge().value())
                    .as("a due step, and one whose worker's lease ran out").isEqualTo(2.0);
            assertThat(registry.get("missioncontrol.sessions.running").gauge().value()).isEqualTo(1.0);
        }
    }

    /** Runs the garbage collector until an object only weakly held is gone, so a weakly held gauge would be too. */
    private static void collectGarbage() throws InterruptedException {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(canary.get()).as("collected").isNull();
    }

    /** A database that hands out no connection: the scrape answers NaN at once instead of waiting on the pool. */
    @Test
    void a_scrape_during_a_database_outage_answers_at_once_with_unknown_counts() {
        CountDownLatch away = new CountDownLatch(1);
        Jdbi unreachable = Jdbi.create(() -> {
            try {
                away.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("connection is not available, request timed out");
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueueGauges.bindTo(registry, unreachable, dev.missioncontrol.store.Dialect.POSTGRES, Clock.systemUTC());
        try {
            long started = System.nanoTime();
            double waiting = registry.get("missioncontrol.sessions.waiting").gauge().value();
            double running = registry.get("missioncontrol.sessions.running").gauge().value();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(waiting).isNaN();
            assertThat(running).isNaN();
            assertThat(took).as("not the connection wait (30 s here, 10 s in the server)")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            away.countDown();
        }
    }
}
