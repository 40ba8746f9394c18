package dev.missioncontrol.testing;

import dev.missioncontrol.App;
import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Organization;
import dev.missioncontrol.orgs.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A real server on an ephemeral port, on SQLite or on a fresh PostgreSQL database. */
public final class TestServer implements AutoCloseable {
    public enum Db { SQLITE, POSTGRES }

    private final App app;
    private final String pgUrl;
    private final Path dataDir;

    private TestServer(App app, String pgUrl, Path dataDir) {
        this.app = app;
        this.pgUrl = pgUrl;
        this.dataDir = dataDir;
    }

    public static TestServer start(Db db) {
        return start(db, c -> c);
    }

    public static TestServer start(Db db, UnaryOperator<AppConfig> tweak) {
        return start(db, tweak, config -> App.start(config, Clock.tickMillis(ZoneOffset.UTC)));
    }

    /** A server started by {@code starter}, e.g. with a scripted brain (see dev.missioncontrol.TestApps). */
    public static TestServer start(Db db, UnaryOperator<AppConfig> tweak, Function<AppConfig, App> starter) {
        Path dir = tempDir();
        String url = db == Db.POSTGRES ? TestDatabases.freshPostgres() : null;
        AppConfig config = tweak.apply(AppConfig.forDatabase(dir, url));
        return new TestServer(starter.apply(config), url, dir);
    }

    /** A second node on the same database, as in clustered mode. */
    public TestServer secondNode(UnaryOperator<AppConfig> tweak) {
        AppConfig config = tweak.apply(AppConfig.forDatabase(tempDir(), pgUrl));
        return new TestServer(App.start(config, Clock.tickMillis(ZoneOffset.UTC)), null, dataDir);
    }

    public App app() {
        return app;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public String databaseUrl() {
        return pgUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The key printed at first start: all scopes in the default organization. */
    public String firstKey() {
        return app.firstStart().apiKey();
    }

    public Api api() {
        return new Api(baseUrl(), firstKey());
    }

    public Api api(String key) {
        return new Api(baseUrl(), key);
    }

    /** A key of the first start's organization with only these scopes. */
    public String sameOrgKey(Set<Scope> scopes) {
        var jdbi = app.database().jdbi();
        return keyOf(new OrgStore(jdbi, Clock.systemUTC()).findOrgByName("default").orElseThrow(), scopes);
    }

    /** A new organization with its own key, for isolation tests. */
    public String newOrgKey(String orgName, Set<Scope> scopes) {
        var jdbi = app.database().jdbi();
        return keyOf(new OrgStore(jdbi, Clock.systemUTC()).createOrg(orgName), scopes);
    }

    private String keyOf(Organization org, Set<Scope> scopes) {
        return new ApiKeyStore(app.database().jdbi(), Clock.systemUTC()).create(org.id(), "test", scopes, null)
                .plaintext();
    }

    @Override
    public void close() {
        app.close();
        if (pgUrl != null) {
            TestDatabases.dropPostgres(pgUrl);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mc-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
