package dev.missioncontrol.store;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code missionctl admin restore FILE}: puts a backup in place of the SQLite database of a stopped server. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the SQLite database with a backup, while the server is stopped. The replaced "
                + "database is kept beside it.")
public final class RestoreCommand extends SqliteFileCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by admin backup.")
    Path backup;

    public RestoreCommand() {
        super("restore", "pg_restore");
    }

    @Override
    String run(Path sqliteFile) {
        Path kept = SqliteCopy.restore(backup, sqliteFile, ".before-restore-" + fileTime());
        return "restored " + backup.toAbsolutePath() + " to " + sqliteFile.toAbsolutePath()
                + (kept == null ? "" : "; the database it replaced is kept as " + kept.toAbsolutePath());
    }
}
