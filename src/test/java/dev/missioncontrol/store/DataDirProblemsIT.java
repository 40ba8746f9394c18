package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.App;
import dev.missioncontrol.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data dir the server cannot use is refused at start with what the system said, on the first line. */
class DataDirProblemsIT {

    @Test
    void a_data_dir_below_a_file_or_a_lock_that_cannot_be_opened_names_the_reason(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        assertThatThrownBy(() -> App.start(AppConfig.forDatabase(file.resolve("data"), null), Clock.systemUTC()))
                .hasMessage("cannot create the data directory " + file.resolve("data") + ": Not a directory");
        Path lock = Files.createDirectories(tmp.resolve("data/missioncontrol.db.server-lock"));
        assertThatThrownBy(() -> App.start(AppConfig.forDatabase(tmp.resolve("data"), null), Clock.systemUTC()))
                .hasMessage("cannot lock " + lock + ": Is a directory");
    }

    @Test
    void a_file_that_is_no_database_is_named_as_such(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("missioncontrol.db"), "these bytes were never an SQLite database file");
        assertThatThrownBy(() -> App.start(AppConfig.forDatabase(tmp, null), Clock.systemUTC()))
                .hasMessageStartingWith(tmp.resolve("missioncontrol.db") + " is not an SQLite database");
    }
}
