package dev.missioncontrol.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for PostgreSQL to take connections before the server starts. A node started while the database restarts,
 * fails over or is still coming up (a whole cluster started at once) waits for it, as a running node rides out an
 * outage, instead of exiting for its supervisor to restart it in a loop. A failure no wait mends (a wrong password, a
 * database that does not exist) is left for the start to report at once.
 */
public final class AwaitDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(AwaitDatabase.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

    private AwaitDatabase() {
    }

    /**
     * Returns once the database takes a connection, or its failure is not an outage; throws {@link DatabaseAway}
     * when it still refuses after {@code bound}. SQLite is a local file and needs no wait.
     */
    public static void await(DatabaseUrl url, Duration bound) throws InterruptedException {
        if (url.dialect() != Dialect.POSTGRES) {
            return;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            SQLException failure = connect(url);
            if (failure == null || !DatabaseOutage.is(failure)) {
                if (attempt > 1) {
                    LOG.info("the database answered at attempt {}; starting", attempt);
                }
                return;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.compareTo(Duration.ofMillis(1)) < 0) {
                throw new DatabaseAway("the database at " + url.display() + " did not take connections within "
                        + bound.toSeconds() + " s (" + reason(failure) + "); start it, or wait longer with "
                        + "--database-wait (MC_DATABASE_WAIT)");
            }
            Duration sleep = pause.compareTo(left) < 0 ? pause : left;
            LOG.warn("the database does not take connections yet (attempt {}: {}); the server starts once it does, "
                    + "trying again in {} ms, giving up in {} s", attempt, reason(failure), sleep.toMillis(),
                    left.toSeconds());
            Thread.sleep(sleep);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
        }
    }

    /** The failure of one connection attempt, or null when it succeeded. */
    private static SQLException connect(DatabaseUrl url) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.driverProperties())) {
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The database still did not take connections when the wait ran out. */
    public static final class DatabaseAway extends RuntimeException {
        DatabaseAway(String message) {
            super(message);
        }
    }
}
