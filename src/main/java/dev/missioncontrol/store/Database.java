package dev.missioncontrol.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteDataSource;

/** The connection pool, the migrations, and the Jdbi handle every store uses. */
public final class Database implements AutoCloseable {
    /**
     * How long SQLite waits for another process's write lock before a write fails as busy (a 503 to a request). In
     * process, writes queue at the {@link SqliteWriteGate} instead, so only an outside holder makes anyone wait here.
     */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    /** Migration states of a version this server does not know: applied by a newer one. */
    private static final Set<MigrationState> FUTURE = EnumSet.of(MigrationState.FUTURE_SUCCESS,
            MigrationState.FUTURE_FAILED);

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final DatabaseUrl url;

    private Database(HikariDataSource pool, DatabaseUrl url) {
        this.pool = pool;
        this.url = url;
        this.dialect = url.dialect();
        // on SQLite a writer takes its connection after the write gate (see BorrowOnUse); PostgreSQL has no gate
        this.jdbi = dialect == Dialect.SQLITE ? Jdbi.create(new BorrowOnUse(pool)) : Jdbi.create(pool);
        // Optional filters bind every parameter and use only some; that is intended, not a mistake.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArgument(new StorableText());
        if (dialect == Dialect.SQLITE) {
            SqliteWriteGate.install(jdbi);
        }
        // A failed statement's message goes to the log; Jdbi's renderings all list the bound values, which include
        // webhook secrets, Slack URLs and password hashes. The statement alone says which write failed.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutValues);
    }

    private static String withoutValues(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        return e.getShortMessage() + (sql == null ? ""
                : " [statement: \"" + (sql.length() <= 500 ? sql : sql.substring(0, 500) + "…") + "\"]");
    }

    /** The pool of a command that opens the database for one change and exits: the admin commands. */
    public static final int ONE_SHOT_POOL = 2;
    /** Connections a pool keeps while idle, so that idle nodes leave PostgreSQL's connections to busy ones. */
    private static final int IDLE = 2;
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(10);
    private static final Duration READY_WITHIN = Duration.ofSeconds(2);

    /** Opens the pool with the default size and brings the schema up to date. */
    public static Database open(DatabaseUrl url, String sqliteSynchronous) {
        return open(url, sqliteSynchronous, 0);
    }

    /**
     * Opens the pool and brings the schema up to date; safe to call while another process has it open.
     *
     * @param poolSize the most connections it opens; 0 for 16 on PostgreSQL and 8 on SQLite
     */
    public static Database open(DatabaseUrl url, String sqliteSynchronous, int poolSize) {
        return open(url, sqliteSynchronous, poolSize, true);
    }

    /**
     * Opens a database for a one-shot command (the admin commands), which never migrates it: run from a newer build
     * (after a pull, the launcher rebuilds) it would upgrade the schema beneath a server of the older build still
     * running on it, which reads what the migration may have renamed. A schema behind this build is refused instead.
     */
    public static Database openMigrated(DatabaseUrl url, String sqliteSynchronous, int poolSize) {
        return open(url, sqliteSynchronous, poolSize, false);
    }

    private static Database open(DatabaseUrl url, String sqliteSynchronous, int poolSize, boolean migrate) {
        if (poolSize < 0) {
            throw new IllegalArgumentException("the database pool size must be positive, or 0 for the default");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("missioncontrol");
        if (url.dialect() == Dialect.SQLITE) {
            hikari.setDataSource(sqlite(url, sqliteSynchronous));
            hikari.setMaximumPoolSize(poolSize > 0 ? poolSize : 8);
        } else {
            hikari.setJdbcUrl(url.jdbcUrl());
            hikari.setDataSourceProperties(url.driverProperties());
            hikari.setMaximumPoolSize(poolSize > 0 ? poolSize : 16);
        }
        hikari.setMinimumIdle(Math.min(IDLE, hikari.getMaximumPoolSize()));
        // a request waits this long for a connection before it is answered 503; the pool's 30 s held every request
        // of a database outage half a minute
        hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        Database db = new Database(pool(hikari, url), url);
        try {
            if (migrate) {
                db.migrate(url);
            } else {
                db.requireCurrent();
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static HikariDataSource pool(HikariConfig hikari, DatabaseUrl url) {
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            if (url.dialect() == Dialect.SQLITE && notADatabase(e)) {
                throw new IllegalStateException(url.sqliteFile().toAbsolutePath() + " is not an SQLite database "
                        + "(another file under that name, or a damaged one); point --data-dir at the folder serve "
                        + "created, or restore a backup (admin restore)", e);
            }
            throw e;
        }
    }

    private static boolean notADatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException lite && lite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                return true;
            }
        }
        return false;
    }

    private static SQLiteDataSource sqlite(DatabaseUrl url, String synchronous) {
        Path file = url.sqliteFile();
        OwnerOnly.createDirectories(file.toAbsolutePath().getParent());
        requireWritable(file);
        OwnerOnly.createFile(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.toUpperCase(Locale.ROOT)));
        // Writers wait for each other instead of failing; BEGIN IMMEDIATE takes the write lock up front so two
        // transactions never deadlock upgrading a read lock.
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url.jdbcUrl());
        return ds;
    }

    /**
     * A database this user cannot write (a first start as root, a service as another user) opens and reads, and
     * every write fails after: the server would answer ready and then 500 to every deploy. SQLite writes its journal
     * beside the file, so the folder must be writable too.
     */
    private static void requireWritable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.exists(file) && !Files.isWritable(file) || folder != null && !Files.isWritable(folder)) {
            throw new IllegalStateException("the database " + file.toAbsolutePath() + " (or its folder) is not "
                    + "writable by this user; run as the user that owns it, or give this user write access");
        }
    }

    private void migrate(DatabaseUrl url) {
        if (dialect == Dialect.SQLITE) {
            migrate(pool);
            return;
        }
        try (HikariDataSource migrations = migrationPool(url)) {
            migrate(migrations);
        }
    }

    private void migrate(DataSource connections) {
        Flyway flyway = flyway(connections);
        refuseNewerSchema(flyway);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw MigrationFailure.of(e, flyway);
        }
    }

    private Flyway flyway(DataSource connections) {
        return Flyway.configure().dataSource(connections)
                .locations("classpath:db/migration", dialect.vendorMigrations()).load();
    }

    private void requireCurrent() {
        Flyway flyway = flyway(pool);
        refuseNewerSchema(flyway);
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) {
            MigrationInfo current = flyway.info().current();
            throw new IllegalStateException("the database schema is at version "
                    + (current == null ? "none" : current.getVersion()) + " and this build of Mission Control needs "
                    + pending[pending.length - 1].getVersion() + "; start serve of this build on it first (it "
                    + "migrates the schema as it starts), then run this command again");
        }
    }

    /**
     * Connections for the migrations alone, whose statements (an index built over a large table) may outlast the
     * bound the server's own statements wait for an answer.
     */
    private static HikariDataSource migrationPool(DatabaseUrl url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("missioncontrol-migrations");
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setDataSourceProperties(url.migrationProperties());
        hikari.setMaximumPoolSize(2);
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        return new HikariDataSource(hikari);
    }

    /**
     * A schema a newer version of the server migrated is refused, not used: a migration may rename or drop what this
     * version reads (V8 renamed a column), and its sessions would then crash on every check until they failed.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        if (current != null && FUTURE.contains(current.getState())) {
            throw new IllegalStateException("the database schema is at version " + current.getVersion()
                    + ", which a newer version of Mission Control created; this one knows versions up to "
                    + latestKnown(flyway) + ". Run the newer version (on every node) against this database");
        }
    }

    private static String latestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .map(Object::toString).orElse("none");
    }

    /** The pool's connections (active, idle, pending, timeouts) on /metrics, where an operator sees exhaustion coming. */
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** True when a connection answers; used by /readyz. */
    public boolean reachable() {
        // A load balancer's health check times out within seconds; the pool would wait its whole connection timeout
        // for a database that is gone, and the checks would pile up on the server meanwhile.
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1,
                Thread::startVirtualThread);
        try {
            return answer.get(READY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
