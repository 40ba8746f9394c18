package dev.missioncontrol.orgs;

import dev.missioncontrol.config.DatabaseOptions;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** An admin command: opens the database serve uses (never a new one), runs one action, closes it. */
abstract class DatabaseCommand implements Callable<Integer> {
    private static final int MAX_NAME = 100;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Database opened;
        try {
            DatabaseUrl url = DatabaseUrl.resolve(database.databaseUrl, database.dataDir);
            requireExisting(url);
            opened = Database.openMigrated(url, database.sqliteSynchronous, Database.ONE_SHOT_POOL);
        } catch (RuntimeException e) { // a bad URL, an unreachable server (Hikari), no database file
            System.err.println("missionctl admin: cannot open the database: " + innermost(e).getMessage());
            return 1;
        }
        try (Database db = opened) {
            return run(db, Clock.systemUTC());
        }
    }

    /**
     * Only serve creates a database: a mistyped --data-dir would otherwise get a new empty one, and users or keys
     * created in it would silently work nowhere.
     */
    private static void requireExisting(DatabaseUrl url) {
        if (url.dialect() != Dialect.SQLITE) {
            requireSchema(url);
            return;
        }
        Path file = url.sqliteFile();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("there is none at " + file.toAbsolutePath() + "; pass the "
                    + "--data-dir (MC_DATA_DIR) or --database-url that serve uses");
        }
    }

    /**
     * A PostgreSQL database serve has never started on has no schema. An admin command would create it, and serve
     * would then find an organization and skip its first start, printing no admin and no key to log in with.
     */
    private static void requireSchema(DatabaseUrl url) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (!tables.next()) {
                throw new IllegalStateException("it has no Mission Control schema yet; start serve on it once first "
                        + "(its first start prints the admin and API key), or pass the --database-url that serve uses");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A name as the settings page takes it: 1 to 100 characters on one line, stripped. A line break or escape in a
     * key's or organization's name would forge lines in the server log and in {@code list-api-keys}.
     */
    String oneLineName(String option, String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || Validator.holdsControl(stripped)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be 1 to " + MAX_NAME + " characters on one line");
        }
        return stripped;
    }

    /** The root cause, whose message says what went wrong without the wrappers' context. */
    static Throwable innermost(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e : root;
    }

    abstract int run(Database db, Clock clock) throws Exception;

    Organization org(OrgStore orgs, String name) {
        return orgs.findOrgByName(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "no organization named '" + name + "'"));
    }
}
