package dev.missioncontrol.store;

import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Lets one SQLite transaction at a time into the database file; the others wait here, in Java. SQLite has one writer
 * anyway (every transaction begins IMMEDIATE), but its busy wait sleeps in native code, and a virtual thread in
 * native code holds its carrier thread. With as many carriers as cores, two transactions waiting for the write lock
 * held every carrier of a 2-core machine, while the virtual thread holding the lock, unmounted for a moment inside its
 * transaction, could not run again to commit: the whole server stood still until the 30 s busy timeout failed the
 * waiters with 503s. Waiting on this lock unmounts the waiter instead. Reentrant, so a transaction nested in one on
 * the same thread goes on.
 */
final class SqliteWriteGate extends DelegatingTransactionHandler {
    /** Fair, so that a steady stream of short transactions cannot keep a large push waiting. */
    private final ReentrantLock gate = new ReentrantLock(true);

    SqliteWriteGate(TransactionHandler delegate) {
        super(delegate);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        gate.lock();
        try {
            return super.inTransaction(handle, callback);
        } finally {
            gate.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        gate.lock();
        try {
            return super.inTransaction(handle, level, callback);
        } finally {
            gate.unlock();
        }
    }
}
