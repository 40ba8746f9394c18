package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
            QueueGauges.bindTo(registry, db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));

            assertThat(registry.get("missioncontrol.sessions.waiting").gauge().value())
                    .as("a due step, and one whose worker's lease ran out").isEqualTo(2.0);
            assertThat(registry.get("missioncontrol.sessions.running").gauge().value()).isEqualTo(1.0);
        }
    }
}
