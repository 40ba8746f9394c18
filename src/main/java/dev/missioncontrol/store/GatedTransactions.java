package dev.missioncontrol.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Holds the {@link SqliteWriteGate} for a whole transaction: begun IMMEDIATE, it holds SQLite's write lock throughout. */
final class GatedTransactions extends DelegatingTransactionHandler {
    private final SqliteWriteGate gate;

    GatedTransactions(TransactionHandler delegate, SqliteWriteGate gate) {
        super(delegate);
        this.gate = gate;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        gate.enter();
        try {
            return super.inTransaction(handle, callback);
        } finally {
            gate.leave();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
            HandleCallback<R, X> callback) throws X {
        gate.enter();
        try {
            return super.inTransaction(handle, level, callback);
        } finally {
            gate.leave();
        }
    }
}
