package dev.missioncontrol.store;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * Lets one SQLite write at a time into the database file; the others wait here, in Java. SQLite has one writer
 * anyway (every transaction begins IMMEDIATE), but its busy wait sleeps in native code, and a virtual thread in
 * native code holds its carrier thread. With as many carriers as cores, two writers waiting for the write lock held
 * every carrier of a 2-core machine, while the virtual thread holding the lock, unmounted for a moment inside its
 * transaction, could not run again to commit: the whole server stood still until the 30 s busy timeout failed the
 * waiters with 503s. Waiting on this lock unmounts the waiter instead.
 *
 * <p>Installed once on the database's Jdbi, it covers both ways to write: a transaction holds the gate from begin to
 * commit ({@link GatedTransactions}), and a statement that may write, run outside one, holds it while it runs
 * ({@link GatedStatements}); so a store's new statement cannot forget it. Reentrant, so a transaction or statement
 * nested in one on the same thread goes on.
 *
 * <p>The wait is bounded. While another process (a {@code sqlite3} shell, a backup tool) holds the file's write lock,
 * the writer at the head of the queue waits out SQLite's busy timeout and fails, and each writer behind it would do
 * the same in turn: a request queued fourth answered after two minutes, past any proxy's read timeout. A writer that
 * cannot enter within {@link #WAIT} fails as the database being busy, which a request answers 503 with Retry-After and
 * a session retries without counting it against its attempts.
 */
final class SqliteWriteGate {
    /** As long as SQLite's own busy timeout: in-process writes take milliseconds, so a longer queue is a lock held. */
    static final Duration WAIT = Database.BUSY_TIMEOUT;

    /** Fair, so that a steady stream of short writes cannot keep a large push waiting. */
    private final ReentrantLock gate = new ReentrantLock(true);

    private SqliteWriteGate() {
    }

    /** Makes every write through {@code jdbi} pass one gate. */
    static void install(Jdbi jdbi) {
        SqliteWriteGate gate = new SqliteWriteGate();
        jdbi.setTransactionHandler(new GatedTransactions(jdbi.getTransactionHandler(), gate));
        var statements = jdbi.getStatementBuilderFactory();
        jdbi.setStatementBuilderFactory(c -> new GatedStatements(statements.createStatementBuilder(c), gate));
    }

    /**
     * Waits for the gate, at most {@link #WAIT}. An interrupt does not cut the wait short, as it did not before the
     * bound: a cancelled session's worker still records that it stopped.
     */
    void enter() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (gate.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    throw new Busy();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** No turn to write within {@link #WAIT}: a database outage, by its cause, to whoever meets it. */
    static final class Busy extends RuntimeException {
        Busy() {
            super(new SQLTransientException("no turn to write to the database within " + WAIT.toSeconds()
                    + " s; its file is locked, perhaps by another process"));
        }
    }

    void leave() {
        gate.unlock();
    }
}
