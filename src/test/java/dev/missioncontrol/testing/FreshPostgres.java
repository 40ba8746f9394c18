package dev.missioncontrol.testing;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;

/** A PostgreSQL database of its own, migrated and open, dropped on close; the test skips when there is no server. */
public final class FreshPostgres implements AutoCloseable {
    private final String url;
    private final Database db;

    private FreshPostgres(String url, Database db) {
        this.url = url;
        this.db = db;
    }

    public static FreshPostgres open() throws IOException {
        String url = TestDatabases.freshPostgres();
        return new FreshPostgres(url, Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-pg")),
                "NORMAL"));
    }

    public Database db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
        TestDatabases.dropPostgres(url);
    }
}
