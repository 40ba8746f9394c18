package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyStoreIT {

    @Test
    void keys_are_kept_at_least_24_hours_then_purged() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-idem")), "NORMAL")) {
            IdempotencyStore store = new IdempotencyStore(db.jdbi(), clock);
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
}
