package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database from before the case-insensitive project key may hold two projects for one repository, spelled in two
 * cases by a registration race or from before lookups ignored case. The migration merges them into the one an admin
 * configured, else the oldest, keeping everything that named either.
 */
class ProjectTwinsMigrationIT {

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void twins_are_merged_into_the_older_project_and_a_new_twin_is_refused(String vendor) throws Exception {
        Path dir = Files.createTempDirectory("mc-twins");
        DatabaseUrl url = DatabaseUrl.resolve(vendor.equals("sqlite") ? "sqlite:" + dir.resolve("mc.db")
                : TestDatabases.freshPostgres(), dir);
        String user = url.user() == null ? "" : url.user();
        String password = url.password() == null ? "" : url.password();
        Flyway.configure().dataSource(url.jdbcUrl(), user, password)
                .locations("classpath:db/migration", url.dialect().vendorMigrations()).target("4").load().migrate();
        Jdbi raw = Jdbi.create(url.jdbcUrl(), user, password);
        raw.useHandle(h -> {
            h.execute("INSERT INTO organizations (id, name, created_at) VALUES ('o', 'acme', 0)");
            h.execute("INSERT INTO projects (id, org_id, repository_full_name, service_name, settings, created_at) "
                    + "VALUES ('older', 'o', 'acme/web', 'web', '{\"bake\":\"10m\"}', 1), "
                    + "('younger', 'o', 'Acme/Web', 'Web', '{}', 2), ('other', 'o', 'acme/api', 'api', '{}', 3), "
                    + "('plain', 'o', 'acme/pay', 'pay', '{}', 4), "
                    + "('configured', 'o', 'Acme/Pay', 'payments', '{\"bake\":\"5m\"}', 5)");
            h.execute("INSERT INTO agent_sessions (id, org_id, project_id, kind, status, title, prompt, created_at, "
                    + "updated_at) VALUES ('s1', 'o', 'older', 'deploy_monitor', 'completed', 't', 'p', 1, 1), "
                    + "('s2', 'o', 'younger', 'deploy_monitor', 'completed', 't', 'p', 2, 2)");
            h.execute("INSERT INTO deployments (id, org_id, project_id, session_id, deployment_request, status, "
                    + "created_at) VALUES ('d1', 'o', 'older', 's1', 'ship', 'success', 1), "
                    + "('d2', 'o', 'younger', 's2', 'ship', 'success', 2)");
        });

        try (Database db = Database.open(url, "NORMAL")) {
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("SELECT id FROM projects ORDER BY id").mapTo(String.class).list())
                        .as("the configured twin is kept, else the oldest")
                        .containsExactly("configured", "older", "other");
                assertThat(h.createQuery("SELECT project_id FROM deployments ORDER BY id").mapTo(String.class).list())
                        .containsExactly("older", "older");
                assertThat(h.createQuery("SELECT project_id FROM agent_sessions ORDER BY id").mapTo(String.class)
                        .list()).containsExactly("older", "older");
                assertThat(h.createQuery("SELECT settings FROM projects WHERE id = 'older'").mapTo(String.class).one())
                        .contains("10m");
                int added = h.createUpdate("INSERT INTO projects (id, org_id, repository_full_name, service_name, "
                        + "created_at) VALUES ('again', 'o', 'ACME/WEB', 'WEB', 4) ON CONFLICT DO NOTHING").execute();
                assertThat(added).as("another spelling of a known repository").isZero();
            });
        } finally {
            if (vendor.equals("postgresql")) {
                TestDatabases.dropPostgres(url.jdbcUrl());
            }
        }
    }
}
