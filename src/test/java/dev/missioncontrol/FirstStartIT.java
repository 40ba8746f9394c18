package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.orgs.ApiKeyStore;
import dev.missioncontrol.orgs.FirstStart;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.UserStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.MutableClock;
import dev.missioncontrol.testing.TestDatabases;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's admin and key exist only once the server listens, so the banner that shows them is not lost. */
class FirstStartIT {

    @Test
    void a_first_start_that_cannot_take_its_port_leaves_nothing_behind_and_the_next_start_prints_fresh_credentials(
            @TempDir Path dataDir) throws IOException {
        AppConfig fresh = AppConfig.forDatabase(dataDir, null);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            AppConfig onTakenPort = new AppConfig(taken.getLocalPort(), fresh.dataDir(), fresh.databaseUrl(),
                    fresh.baseUrl(), fresh.sqliteSynchronous(), fresh.dbPoolSize(), fresh.limits(), fresh.runtime(),
                    fresh.integrations(), fresh.llm());
            assertThatThrownBy(() -> App.start(onTakenPort, Clock.systemUTC())).isInstanceOf(RuntimeException.class);
        }

        try (App app = App.start(fresh, Clock.systemUTC())) {
            assertThat(app.firstStart()).as("a second start on a free port is a first start again").isNotNull();
            UserStore users = new UserStore(app.database().jdbi(), Clock.systemUTC());
            assertThat(users.login(app.firstStart().email(), app.firstStart().password())).isPresent();
        }
    }

    /** --port 0 takes any free port: the banner and notifications must not link to http://localhost:0. */
    @Test
    void without_a_base_url_links_point_at_the_port_the_server_listens_on(@TempDir Path dataDir) {
        try (App app = App.start(AppConfig.forDatabase(dataDir, null), Clock.systemUTC())) {
            assertThat(app.port()).isPositive();
            assertThat(app.publicBaseUrl()).isEqualTo("http://localhost:" + app.port());
        }
        AppConfig behindProxy = AppConfig.forDatabase(dataDir, null).withBaseUrl("https://mc.example.com/");
        assertThat(behindProxy.publicBaseUrl(8080)).isEqualTo("https://mc.example.com");
    }

    @Test
    void a_first_start_whose_admin_cannot_be_written_takes_back_its_organization_so_the_next_one_starts_afresh(
            @TempDir Path dataDir) throws IOException {
        try (Database db = Database.open(DatabaseUrl.resolve(null, dataDir), "NORMAL")) {
            Clock clock = Clock.systemUTC();
            OrgStore orgs = new OrgStore(db.jdbi(), clock);
            UserStore users = new UserStore(db.jdbi(), clock);
            ApiKeyStore keys = new ApiKeyStore(db.jdbi(), clock);
            db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER full_disk BEFORE INSERT ON users "
                    + "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
            assertThatThrownBy(() -> FirstStart.runIfEmpty(db.jdbi(), orgs, users, keys))
                    .hasMessageContaining("database or disk is full");
            assertThat(orgs.anyOrg()).as("nothing half made is left behind").isFalse();

            db.jdbi().useHandle(h -> h.execute("DROP TRIGGER full_disk"));
            assertThat(FirstStart.runIfEmpty(db.jdbi(), orgs, users, keys)).isNotNull();
        }
    }

    /**
     * A process that dies while the first start writes (Ctrl-C during start-up, an OOM kill) must leave nothing: with
     * an organization and no admin or key, the next start finds the database taken and prints nothing, and no one can
     * get in. The key's clock stands still here, as the process would at its death; the database shows nothing yet.
     */
    @Test
    void nothing_of_a_first_start_is_committed_until_its_admin_and_key_are(@TempDir Path dataDir) throws Exception {
        CountDownLatch writingKey = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Clock stallsAtTheKey = new MutableClock(Instant.now()) {
            @Override
            public Instant instant() {
                writingKey.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.instant();
            }
        };
        try (Database db = Database.open(DatabaseUrl.resolve(null, dataDir), "NORMAL")) {
            Clock clock = Clock.systemUTC();
            OrgStore orgs = new OrgStore(db.jdbi(), clock);
            var firstStart = CompletableFuture.supplyAsync(() -> FirstStart.runIfEmpty(db.jdbi(), orgs,
                    new UserStore(db.jdbi(), clock), new ApiKeyStore(db.jdbi(), stallsAtTheKey)));
            try {
                assertThat(writingKey.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(orgs.anyOrg()).as("an organization without its admin and key").isFalse();
            } finally {
                release.countDown();
            }
            FirstStart.Credentials made = firstStart.get(30, TimeUnit.SECONDS);
            assertThat(new UserStore(db.jdbi(), clock).login(made.email(), made.password())).isPresent();
        }
    }

    /** Two nodes starting together on an empty PostgreSQL database: one makes the first start, the other none. */
    @Test
    void of_two_nodes_starting_together_one_makes_the_first_start() throws Exception {
        String url = TestDatabases.freshPostgres();
        try (Database a = Database.open(DatabaseUrl.resolve(url, null), "NORMAL");
                Database b = Database.open(DatabaseUrl.resolve(url, null), "NORMAL")) {
            Clock clock = Clock.systemUTC();
            CountDownLatch go = new CountDownLatch(1);
            var starts = java.util.stream.Stream.of(a, b).map(db -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return java.util.Optional.ofNullable(FirstStart.runIfEmpty(db.jdbi(), new OrgStore(db.jdbi(), clock),
                        new UserStore(db.jdbi(), clock), new ApiKeyStore(db.jdbi(), clock)));
            })).toList();
            go.countDown();
            var made = starts.stream().map(CompletableFuture::join).flatMap(java.util.Optional::stream).toList();
            assertThat(made).hasSize(1);
            assertThat(new UserStore(a.jdbi(), clock).login(made.getFirst().email(), made.getFirst().password()))
                    .isPresent();
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }
}
