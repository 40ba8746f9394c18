package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class DatabaseOutageTest {
    private static boolean outage(Exception driverFailure) {
        return DatabaseOutage.is(new UnableToExecuteStatementException(driverFailure, null));
    }

    @Test
    void a_lost_or_refused_connection_a_shutdown_or_a_conflict_is_an_outage() {
        assertThat(outage(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE))).isTrue();
        assertThat(outage(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))).isTrue();
        assertThat(outage(new PSQLException("terminating connection due to administrator command", null) {
            @Override
            public String getSQLState() {
                return "57P01";
            }
        })).isTrue();
        assertThat(outage(new PSQLException("could not serialize", PSQLState.SERIALIZATION_FAILURE))).isTrue();
        assertThat(outage(new SQLTransientConnectionException("Connection is not available, request timed out")))
                .isTrue();
        assertThat(outage(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY))).isTrue();
        assertThat(outage(new SQLiteException("snapshot", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))).isTrue();
    }

    @Test
    void a_failure_of_the_statement_itself_or_of_the_code_is_not() {
        assertThat(outage(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isFalse();
        assertThat(outage(new PSQLException("value too long", PSQLState.STRING_DATA_RIGHT_TRUNCATION))).isFalse();
        assertThat(outage(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT))).isFalse();
        assertThat(DatabaseOutage.is(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.is(new NullPointerException())).isFalse();
    }

    /** Writes fail until the operator frees space, then work again: a session waits rather than fail, a client retries. */
    @Test
    void a_full_disk_is_an_outage_named_as_such() throws Exception {
        Exception sqliteFull;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v TEXT)");
            s.execute("PRAGMA max_page_count = " + pages(s));
            sqliteFull = org.junit.jupiter.api.Assertions.assertThrows(SQLiteException.class,
                    () -> s.execute("INSERT INTO t SELECT hex(randomblob(100000))"));
        }
        assertThat(outage(sqliteFull)).as(sqliteFull.getMessage()).isTrue();
        assertThat(DatabaseOutage.diskFull(new UnableToExecuteStatementException(sqliteFull, null))).isTrue();
        PSQLException pgFull = new PSQLException("could not extend file: No space left on device", null) {
            @Override
            public String getSQLState() {
                return "53100";
            }
        };
        assertThat(outage(pgFull)).isTrue();
        assertThat(DatabaseOutage.diskFull(pgFull)).isTrue();
        assertThat(DatabaseOutage.diskFull(new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
    }

    private static long pages(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("PRAGMA page_count")) {
            return r.next() ? r.getLong(1) : 1;
        }
    }
}
