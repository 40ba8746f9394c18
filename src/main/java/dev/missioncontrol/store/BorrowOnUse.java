package dev.missioncontrol.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Gives each Jdbi handle a connection that is taken from the pool only when the handle first uses it, so that on
 * SQLite a writer waits at the {@link SqliteWriteGate} before it holds a pooled connection, not after. Holding one,
 * writers queued behind a large push took every connection of the pool, and reads (and further writes) waited for a
 * connection until the pool's wait ran out and answered them 503, while the one writer that could run needed none of
 * theirs. Now the pool is shared by the writer that holds the gate and by the reads, which never wait for it.
 */
final class BorrowOnUse implements ConnectionFactory {
    private final DataSource pool;

    BorrowOnUse(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection openConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Pending(pool));
    }

    /** A connection not taken from the pool yet; asked what a fresh pooled connection would answer, it stays so. */
    private static final class Pending implements InvocationHandler {
        private final DataSource pool;
        private Connection borrowed;
        private boolean closed;

        Pending(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    closed = true;
                    if (borrowed != null) {
                        borrowed.close();
                    }
                    return null;
                case "isClosed":
                    return closed || borrowed != null && borrowed.isClosed();
                case "getAutoCommit":
                    if (borrowed == null && !closed) {
                        return true; // the pool hands out connections in auto-commit mode
                    }
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "connection " + (borrowed == null ? "not taken from the pool yet" : borrowed);
                default:
                    break;
            }
            try {
                return method.invoke(connection(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Connection connection() throws SQLException {
            if (closed) {
                throw new SQLException("the connection is closed");
            }
            if (borrowed == null) {
                borrowed = pool.getConnection();
            }
            return borrowed;
        }
    }
}
