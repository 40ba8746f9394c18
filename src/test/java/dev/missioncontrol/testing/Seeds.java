package dev.missioncontrol.testing;

import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Scope;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Clock;

/** Prepares a database before any node starts: schema, an organization and its key. */
public final class Seeds {
    private Seeds() {
    }

    /** Returns an API key of a fresh organization in the database at {@code url} (null: SQLite in dataDir). */
    public static String organizationKey(Path dataDir, String url) {
        try (Database db = Database.open(DatabaseUrl.resolve(url, dataDir), "FULL")) {
            var org = new OrgStore(db.jdbi(), Clock.systemUTC()).createOrg("default");
            return new ApiKeyStore(db.jdbi(), Clock.systemUTC()).create(org.id(), "test", Scope.all(), null).plaintext();
        }
    }
}
