package dev.missioncontrol.store;

import dev.missioncontrol.config.DatabaseOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** An admin command on the SQLite file itself; PostgreSQL has its own tools for the same, which it names. */
abstract class SqliteFileCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    private final String name;
    private final String postgresTool;

    SqliteFileCommand(String name, String postgresTool) {
        this.name = name;
        this.postgresTool = postgresTool;
    }

    @Override
    public final Integer call() {
        DatabaseUrl url;
        try {
            url = DatabaseUrl.resolve(database.databaseUrl, database.dataDir);
        } catch (RuntimeException e) {
            return fail(2, e.getMessage());
        }
        if (url.dialect() != Dialect.SQLITE) {
            return fail(2, "works on the SQLite database only; on PostgreSQL use its own tools (" + postgresTool
                    + ")");
        }
        try {
            System.out.println(run(url.sqliteFile()));
            return 0;
        } catch (RuntimeException e) {
            return fail(1, e.getMessage());
        }
    }

    /** Does the work and says what was done, on one line. */
    abstract String run(Path sqliteFile);

    /** The time now, as it can stand in a file name on every system (no colons). */
    static String fileTime() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
    }

    private int fail(int code, String why) {
        System.err.println("missionctl admin " + name + ": " + why);
        return code;
    }
}
