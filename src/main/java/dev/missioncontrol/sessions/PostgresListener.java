package dev.missioncontrol.sessions;

import dev.missioncontrol.store.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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

    /**
     * How long the connection may carry nothing before it is asked a question. Waiting for notifications sends
     * nothing, so a connection a failover or a network cut left half-open would be waited on for ever, and live
     * updates would stay on polling without a word in the log.
     */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    private final String jdbcUrl;
    private final Properties credentials;
    private final TimelineBus bus;
    private final Thread thread;
    private volatile boolean closed;

    public PostgresListener(DatabaseUrl url, TimelineBus bus) {
        this.jdbcUrl = url.jdbcUrl();
        this.credentials = url.driverProperties();
        credentials.setProperty("ApplicationName", "missioncontrol-listen");
        // bounds the probe below; the wait for notifications sets its own
        credentials.setProperty("socketTimeout", Long.toString(PROBE_EVERY.toSeconds()));
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
                listen(c);
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

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long heardAt = System.nanoTime();
        while (!closed) {
            PGNotification[] batch = pg.getNotifications(1_000);
            if (batch == null || batch.length == 0) {
                if (System.nanoTime() - heardAt >= PROBE_EVERY.toNanos()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT 1");
                    }
                    heardAt = System.nanoTime();
                }
                continue;
            }
            heardAt = System.nanoTime();
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
