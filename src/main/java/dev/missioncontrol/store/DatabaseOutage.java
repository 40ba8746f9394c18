package dev.missioncontrol.store;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.sqlite.SQLiteException;

/**
 * Whether a failure is the database being out of reach or busy for the moment: a PostgreSQL failover or restart, a
 * pool with no connection to give, a serialization conflict, an SQLite file locked by another process for longer than
 * its busy timeout. Such a failure says nothing about the work that met it: a session retries it without counting it
 * as a crash (a managed database's maintenance window would otherwise fail every session it interrupted three times),
 * and a request is answered 503 with Retry-After instead of 500. A full disk is one too: writes fail until the operator
 * frees space and then work again, with nothing lost or damaged, so it must not fail sessions or answer 500.
 */
public final class DatabaseOutage {
    /**
     * SQLSTATEs that mean "try again": the connection exception class, serialization failures and deadlocks,
     * shutdowns and too many connections. A statement's own error (a constraint, a type) is none of these, so it
     * still counts as a crash instead of being retried forever.
     */
    private static final Set<String> CLASSES = Set.of("08");
    /** PostgreSQL's disk_full. */
    private static final String DISK_FULL_STATE = "53100";
    private static final Set<String> CODES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "53300",
            DISK_FULL_STATE);
    /** SQLite's result codes for a locked database file and a locked table. */
    private static final Set<Integer> SQLITE_BUSY_OR_LOCKED = Set.of(5, 6);
    /** SQLITE_FULL: the disk, or the largest size the database may take, is full. */
    private static final int SQLITE_FULL = 13;

    private DatabaseOutage() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLiteException lite && SQLITE_BUSY_OR_LOCKED.contains(lite.getResultCode().code & 0xff)) {
                return true;
            }
            if (t instanceof SQLException sql && retryableState(sql.getSQLState()) || sqliteFull(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the outage is the database's disk being full, which only the operator can end. */
    public static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (sqliteFull(t) || t instanceof SQLException sql && DISK_FULL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqliteFull(Throwable t) {
        return t instanceof SQLiteException lite && (lite.getResultCode().code & 0xff) == SQLITE_FULL;
    }

    private static boolean retryableState(String state) {
        return state != null && state.length() == 5 && (CLASSES.contains(state.substring(0, 2))
                || CODES.contains(state));
    }
}
