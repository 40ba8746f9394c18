package dev.missioncontrol.store;

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
 */
final class SqliteWriteGate {
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

    void enter() {
        gate.lock();
    }

    void leave() {
        gate.unlock();
    }
}
