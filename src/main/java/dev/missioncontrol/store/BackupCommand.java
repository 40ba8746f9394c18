package dev.missioncontrol.store;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code missionctl admin backup FILE}: a consistent copy of the SQLite database, taken while the server runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database consistently while the server runs (VACUUM INTO). On PostgreSQL, "
                + "use pg_dump.")
public final class BackupCommand extends SqliteFileCommand {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "The new file to write; an existing folder gets missioncontrol-<time>.db inside it.")
    Path target;

    public BackupCommand() {
        super("backup", "pg_dump --format=custom, or your provider's snapshots");
    }

    @Override
    String run(Path sqliteFile) {
        Path file = Files.isDirectory(target) ? target.resolve("missioncontrol-" + fileTime() + ".db") : target;
        long bytes = SqliteCopy.backup(sqliteFile, file);
        return "backed up " + sqliteFile.toAbsolutePath() + " to " + file.toAbsolutePath() + " (" + bytes + " bytes)";
    }
}
