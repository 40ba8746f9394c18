package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** A schema upgrade that cannot run says on one line which migration failed, why, and what to do. */
class MigrationFailureIT {

    @Test
    void a_failing_migration_names_its_script_the_cause_and_the_version_kept() throws Exception {
        DatabaseUrl url = databaseWhere(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '11'"));
        assertThatThrownBy(() -> Database.open(url, "NORMAL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("upgrading the database schema failed (Failed to execute script "
                        + "V11__notifications_by_deployment.sql")
                .hasMessageContaining("index notification_outbox_deployment already exists")
                .hasMessageContaining("stays at version 10")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_migration_changed_since_it_ran_names_the_version_and_both_checksums() throws Exception {
        DatabaseUrl url = databaseWhere(h -> h.execute("UPDATE flyway_schema_history SET checksum = 123 "
                + "WHERE version = '9'"));
        assertThatThrownBy(() -> Database.open(url, "NORMAL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match this version's migrations (Migration checksum mismatch for "
                        + "migration version 9, Applied to database: 123")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n")
                        .doesNotContain("Need more flexibility"));
    }

    private static DatabaseUrl databaseWhere(Consumer<Handle> change) throws Exception {
        Path dir = Files.createTempDirectory("mc-migration");
        DatabaseUrl url = DatabaseUrl.resolve(null, dir);
        try (Database db = Database.open(url, "NORMAL")) {
            db.jdbi().useHandle(change::accept);
        }
        return url;
    }
}
