package dev.missioncontrol.store;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string a store writes or looks up with U+0000 replaced by U+FFFD. PostgreSQL cannot hold U+0000 in
 * text and fails the whole statement (and with it a transaction that may carry other sessions' events), while SQLite
 * keeps it; replacing it here, at the one boundary every store passes, makes both databases keep the same text, and
 * lets pasted content with a stray NUL, and all that is derived from it (findings, reports), be stored. Requests
 * refuse NUL in short identifying fields before they get here.
 */
final class StorableText extends AbstractArgumentFactory<String> {
    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    StorableText() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String storable = value.replace(NUL, REPLACEMENT);
        return (position, statement, ctx) -> statement.setString(position, storable);
    }
}
