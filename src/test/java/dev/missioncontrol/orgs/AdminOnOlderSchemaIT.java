package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * After a pull, the launcher rebuilds and an admin command runs the new build while the old server still serves: it
 * must not upgrade the schema beneath that server.
 */
class AdminOnOlderSchemaIT {

    @Test
    void an_admin_command_of_a_newer_build_refuses_an_older_schema_and_leaves_it_as_it_was(@TempDir Path dir) {
        Flyway older = Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve("missioncontrol.db"), null, null)
                .locations("classpath:db/migration", "classpath:db/sqlite").target("8").load();
        older.migrate();

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new Main()).execute("admin", "create-org", "acme", "--data-dir", dir.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("the database schema is at version 8 and "
                + "this build of Mission Control needs 11; start serve of this build on it first");
        assertThat(older.info().current().getVersion().getVersion()).as("not migrated").isEqualTo("8");
    }
}
