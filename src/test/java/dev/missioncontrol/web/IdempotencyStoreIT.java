package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.MutableClock;
import dev.missioncontrol.testing.FreshPostgres;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyStoreIT {

    @Test
    void keys_are_kept_at_least_24_hours_then_purged() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-idem")), "NORMAL")) {
            IdempotencyStore store = new IdempotencyStore(db.jdbi(), db.dialect(), clock);
            assertThat(store.claim("org", "/r", "k1", "h")).isEmpty();
            db.jdbi().useTransaction(h -> store.complete(h, "org", "/r", "k1", 201, "{}"));
            clock.advance(Duration.ofHours(25));
            assertThat(store.purgeExpired()).isZero();
            assertThat(store.claim("org", "/r", "k1", "other")).as("still remembered after a day").isPresent();
            clock.advance(Duration.ofHours(24));
            assertThat(store.purgeExpired()).isEqualTo(1);
            assertThat(store.claim("org", "/r", "k1", "h")).isEmpty();
        }
    }

    /**
     * PostgreSQL nodes whose clocks disagree by minutes: a request still running on the node whose clock runs behind
     * is not taken for abandoned by another, which would then run it a second time.
     */
    @Test
    void a_request_in_flight_on_a_node_whose_clock_runs_behind_is_not_taken_over() throws Exception {
        try (FreshPostgres postgres = FreshPostgres.open()) {
            Database db = postgres.db();
            Clock behind = Clock.offset(Clock.systemUTC(), IdempotencyStore.ABANDONED_AFTER.multipliedBy(-2));
            IdempotencyStore running = new IdempotencyStore(db.jdbi(), db.dialect(), behind);
            IdempotencyStore other = new IdempotencyStore(db.jdbi(), db.dialect(), Clock.systemUTC());
            assertThat(running.claim("org", "/r", "k1", "h")).isEmpty();

            assertThat(other.claim("org", "/r", "k1", "h")).as("still running on the first node").isPresent();
        }
    }
}
