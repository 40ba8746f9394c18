package dev.missioncontrol.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests. PostgreSQL tests skip with a message when no server is reachable, unless
 * MC_REQUIRE_POSTGRES=1 (set by .ci/run), in which case they fail instead.
 */
public final class TestDatabases {
    private static final String PG_HOST = System.getenv().getOrDefault("MC_TEST_PG_HOST", "127.0.0.1:5432");
    private static final String PG_ADMIN_URL = "jdbc:postgresql://" + PG_HOST + "/postgres";
    private static final String PG_USER = System.getenv().getOrDefault("MC_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    /** host:port of the PostgreSQL server tests use. */
    public static String postgresHost() {
        return PG_HOST;
    }

    public static boolean postgresRequired() {
        return "1".equals(System.getenv("MC_REQUIRE_POSTGRES"));
    }

    /** Creates an empty PostgreSQL database and returns its URL, or skips the test when there is no server. */
    public static String freshPostgres() {
        String name = "mc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (postgresRequired()) {
                throw new IllegalStateException("PostgreSQL is required (MC_REQUIRE_POSTGRES=1) but "
                        + PG_ADMIN_URL + " refused: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + PG_HOST + " (" + e.getMessage()
                    + "); set MC_REQUIRE_POSTGRES=1 to make this a failure");
        }
        return "postgresql://" + PG_USER + "@" + PG_HOST + "/" + name;
    }

    /** Lets connections into the database or shuts them out, ending those open: a database outage, and its end. */
    public static void allowConnections(String url, boolean allowed) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, null);
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections to the database that name themselves {@code application} and were opened after {@code since}. */
    public static int connectionsSince(String url, String application, long sinceMillis) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, null);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ? "
                     + "AND application_name = ? AND backend_start > to_timestamp(? / 1000.0)")) {
            q.setString(1, name);
            q.setString(2, application);
            q.setLong(3, sinceMillis);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of the test's own to the database at {@code url} (as a server's URL names it), not through a proxy. */
    public static Connection connect(String url) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
        return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/" + name, PG_USER, null);
    }

    /** Whether a connection naming itself {@code application} is waiting for a lock another transaction holds. */
    public static boolean waitingForLock(String url, String application) {
        try (Connection c = connect(url);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                     + "current_database() AND application_name = ? AND wait_event_type = 'Lock'")) {
            q.setString(1, application);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void dropPostgres(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, null);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // a leftover test database is harmless; the name is random
        }
    }
}
