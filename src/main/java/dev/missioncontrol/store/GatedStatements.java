package dev.missioncontrol.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Holds the {@link SqliteWriteGate} from the moment a statement that may write is prepared until it is closed. Outside
 * a transaction SQLite takes its write lock for the statement's own implicit transaction, which ends only when the
 * statement is done (an UPDATE … RETURNING holds it while its rows are read), so a write without a transaction
 * ("last used" touches, a session's pick-up, a verdict, job and outbox updates) would otherwise wait in SQLite's
 * native busy loop like any transaction did. Only a statement that begins with SELECT passes ungated: in WAL mode a
 * read never waits for the writer. One builder serves one handle, and a handle one thread at a time.
 */
final class GatedStatements implements StatementBuilder {
    /** Leading blanks and SQL comments, before the statement's first word. */
    private static final Pattern LEAD = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);

    private final StatementBuilder delegate;
    private final SqliteWriteGate gate;
    /** The statements of this handle that hold the gate, each once. */
    private final Set<Statement> holding = Collections.newSetFromMap(new IdentityHashMap<>());

    GatedStatements(StatementBuilder delegate, SqliteWriteGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    /** False only for a plain read; anything else (a WITH may end in an UPDATE) is taken to write. */
    static boolean mayWrite(String sql) {
        String rest = LEAD.matcher(sql).replaceFirst("");
        return !rest.regionMatches(true, 0, "SELECT", 0, 6)
                || rest.length() > 6 && Character.isJavaIdentifierPart(rest.charAt(6));
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        // a plain statement runs scripts and batches of any SQL, which it is given only later
        return gated(true, () -> delegate.create(conn, ctx));
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return gated(mayWrite(sql), () -> delegate.create(conn, sql, ctx));
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return gated(true, () -> delegate.createCall(conn, sql, ctx));
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        try {
            delegate.close(conn, sql, stmt);
        } finally {
            if (holding.remove(stmt)) {
                gate.leave();
            }
        }
    }

    /** The handle closes: a statement it left open must not keep every writer of the node out. */
    @Override
    public void close(Connection conn) {
        try {
            delegate.close(conn);
        } finally {
            holding.forEach(stmt -> gate.leave());
            holding.clear();
        }
    }

    private interface Creation<S extends Statement> {
        S create() throws SQLException;
    }

    private <S extends Statement> S gated(boolean writes, Creation<S> creation) throws SQLException {
        if (!writes) {
            return creation.create();
        }
        gate.enter();
        boolean held = false;
        try {
            S stmt = creation.create();
            held = holding.add(stmt);
            return stmt;
        } finally {
            if (!held) {
                gate.leave();
            }
        }
    }
}
