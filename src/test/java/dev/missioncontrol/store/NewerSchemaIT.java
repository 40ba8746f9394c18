package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An older server meeting a schema that a newer one migrated (a node not yet upgraded, restarted in a rolling upgrade,
 * or a downgrade) refuses it, naming both versions, rather than crash on what the newer migrations renamed.
 */
class NewerSchemaIT {

    @Test
    void a_schema_migrated_by_a_newer_version_is_refused_naming_both_versions() throws Exception {
        Path dir = Files.createTempDirectory("mc-newer");
        DatabaseUrl url = DatabaseUrl.resolve(null, dir);
        try (Database db = Database.open(url, "NORMAL")) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, "
                    + "description, type, script, checksum, installed_by, installed_on, execution_time, success) "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1, 'mc', "
                    + "CURRENT_TIMESTAMP, 1, TRUE)"));
        }

        assertThatThrownBy(() -> Database.open(url, "NORMAL")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 999").hasMessageContaining("newer version");
        assertThat(Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-fresh")), "NORMAL"))
                .as("a fresh database still opens").isNotNull().satisfies(Database::close);
    }
}
