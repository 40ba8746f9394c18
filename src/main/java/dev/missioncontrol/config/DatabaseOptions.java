package dev.missioncontrol.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags every command that opens the database shares: serve and every admin command. */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "${env:MC_DATA_DIR:-./data}",
            description = "Where the embedded database and local files live (MC_DATA_DIR, default ./data).")
    public Path dataDir;

    @Option(names = "--database-url", defaultValue = "${env:MC_DATABASE_URL}",
            description = "postgresql://user:pass@host:5432/db for clustered mode (MC_DATABASE_URL); "
                    + "without it, a SQLite file in the data dir.")
    public String databaseUrl;

    @Option(names = "--sqlite-synchronous", defaultValue = "${env:MC_SQLITE_SYNCHRONOUS:-FULL}",
            description = "SQLite synchronous mode: FULL (default, survives power loss) or NORMAL, faster "
                    + "(MC_SQLITE_SYNCHRONOUS).")
    public String sqliteSynchronous;

    @Option(names = "--db-pool-size", defaultValue = "${env:MC_DB_POOL_SIZE:-0}",
            description = "Most database connections this process opens (MC_DB_POOL_SIZE; default 16 on PostgreSQL, "
                    + "8 on SQLite); it keeps 2 open while idle. Every node counts against PostgreSQL's "
                    + "max_connections.")
    public int poolSize;
}
