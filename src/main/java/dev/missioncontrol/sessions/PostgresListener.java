package dev.missioncontrol.sessions;

import dev.missioncontrol.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries PostgreSQL notifications to this node's bus, so an event committed on node A reaches SSE clients and
 * dispatchers on node B. It reconnects on failure; meanwhile the feeds' polling keeps everything correct, only slower.
 */
public final class PostgresListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresListener.class);

    private final String jdbcUrl;
    private final Properties credentials;
    private final TimelineBus bus;
    private final Thread thread;
    private volatile boolean closed;

    public PostgresListener(DatabaseUrl url, TimelineBus bus) {
        this.jdbcUrl = url.jdbcUrl();
        this.credentials = url.driverProperties();
        this.bus = bus;
        this.thread = Thread.ofPlatform().daemon().name("pg-listen").start(this::run);
    }

    /**
     * Listens, and reconnects every two seconds while the database is away. The loss is logged once with its cause
     * and the return once: an outage of minutes must not write a stack trace every two seconds.
     */
    private void run() {
        boolean lost = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, credentials)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN mc_timeline");
                    s.execute("LISTEN mc_work");
                }
                if (lost) {
                    LOG.info("the PostgreSQL notification connection is back; live updates resume");
                    lost = false;
                }
                bus.workAvailable(); // anything announced while we were not listening
                listen(c.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (!closed && !lost) {
                    LOG.warn("lost the PostgreSQL notification connection; live updates fall back to polling "
                            + "until it is back", e);
                    lost = true;
                }
                if (!closed) {
                    pause();
                }
            }
        }
    }

    private void listen(PGConnection pg) throws SQLException {
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(1_000);
            if (batch == null) {
                continue;
            }
            for (PGNotification n : batch) {
                if (n.getName().equals("mc_work")) {
                    bus.workAvailable();
                } else {
                    bus.wake(n.getParameter());
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
