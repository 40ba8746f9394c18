package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The embedded database has one server at a time, and what it writes only its owner may read. */
class SqliteServerIT {

    @Test
    void a_second_server_on_the_same_database_is_refused_naming_the_first() throws Exception {
        Path dir = Files.createTempDirectory("mc-two");
        try (NodeProcess first = NodeProcess.start(dir, null, 1, 10, 30)) {
            assertThatThrownBy(() -> App.start(AppConfig.forDatabase(dir, null), Clock.systemUTC()))
                    .hasMessageContaining("another Mission Control server is running on")
                    .hasMessageContaining("process " + first.pid());
        }
        try (App again = App.start(AppConfig.forDatabase(dir, null), Clock.systemUTC())) {
            assertThat(again.port()).as("the first one stopped, so the database is free again").isPositive();
        }
    }

    /** Without the lock, the session would wait for the dead server's lease: an hour here, 30 s in the server. */
    @Test
    void a_session_a_killed_server_held_resumes_as_soon_as_the_next_one_starts() throws Exception {
        Path dir = Files.createTempDirectory("mc-lease");
        long now = System.currentTimeMillis();
        try (Database db = Database.open(DatabaseUrl.resolve(null, dir), "FULL")) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO organizations (id, name, created_at) VALUES ('o', 'acme', 0)");
                h.execute("INSERT INTO agent_sessions (id, org_id, kind, status, title, prompt, created_at, "
                        + "updated_at) VALUES ('s', 'o', 'general', 'active', 't', 'Is anything wrong?', ?, ?)",
                        now, now);
                h.execute("INSERT INTO session_jobs (session_id, next_run_at, lease_owner, lease_expires_at) "
                        + "VALUES ('s', ?, '4242@gone', ?)", now, now + Duration.ofHours(1).toMillis());
            });
        }
        try (App app = App.start(AppConfig.forDatabase(dir, null), Clock.tickMillis(ZoneOffset.UTC));
             Database db = Database.open(DatabaseUrl.resolve(null, dir), "FULL")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT status FROM agent_sessions WHERE id = 's'").mapTo(String.class).one()), s -> !s.equals(
                    "active"));
        }
    }

    @Test
    void a_new_data_directory_and_its_database_are_readable_by_their_owner_only() throws Exception {
        Path dir = Files.createTempDirectory("mc-perm").resolve("data");
        try (App app = App.start(AppConfig.forDatabase(dir, null), Clock.systemUTC())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            for (String name : new String[] {"missioncontrol.db", "missioncontrol.db-wal"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }
}
