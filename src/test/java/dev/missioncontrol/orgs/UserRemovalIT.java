package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.testing.TestServer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Removing people and changing their roles: their logins end with them or carry the new role, another organization
 * cannot do either, and the last admin always stays one, even when two admins remove each other at once.
 */
class UserRemovalIT {

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void a_removed_user_loses_their_logins_and_the_last_admin_stays(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            var jdbi = server.app().database().jdbi();
            UserStore users = new UserStore(jdbi, Clock.systemUTC());
            WebSessionStore logins = new WebSessionStore(jdbi, Clock.systemUTC());
            User admin = users.findByEmail(server.app().firstStart().email()).orElseThrow();
            User member = users.create(admin.orgId(), "leaver@example.com", User.Role.MEMBER, "a long password");
            String token = logins.create(member).token();
            String otherOrg = new OrgStore(jdbi, Clock.systemUTC()).createOrg("other-" + System.nanoTime()).id();

            assertThat(users.remove(otherOrg, member.id())).isEqualTo(UserStore.Change.UNKNOWN);
            assertThat(users.remove(admin.orgId(), member.id())).isEqualTo(UserStore.Change.DONE);
            assertThat(logins.find(token)).isEmpty();
            assertThat(users.login("leaver@example.com", "a long password")).isEmpty();
            assertThat(users.remove(admin.orgId(), admin.id())).isEqualTo(UserStore.Change.LAST_ADMIN);
            assertThat(users.find(admin.id())).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void a_new_role_reaches_open_logins_and_the_last_admin_stays_an_admin(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            var jdbi = server.app().database().jdbi();
            UserStore users = new UserStore(jdbi, Clock.systemUTC());
            WebSessionStore logins = new WebSessionStore(jdbi, Clock.systemUTC());
            User admin = users.findByEmail(server.app().firstStart().email()).orElseThrow();
            User member = users.create(admin.orgId(), "oncall@example.com", User.Role.MEMBER, "a long password");
            String token = logins.create(member).token();
            String otherOrg = new OrgStore(jdbi, Clock.systemUTC()).createOrg("other-" + System.nanoTime()).id();

            assertThat(users.setRole(otherOrg, member.id(), User.Role.ADMIN)).isEqualTo(UserStore.Change.UNKNOWN);
            assertThat(logins.find(token).orElseThrow().user().role()).isEqualTo(User.Role.MEMBER);
            assertThat(users.setRole(admin.orgId(), admin.id(), User.Role.MEMBER))
                    .isEqualTo(UserStore.Change.LAST_ADMIN);

            assertThat(users.setRole(admin.orgId(), member.id(), User.Role.ADMIN)).isEqualTo(UserStore.Change.DONE);
            assertThat(logins.find(token).orElseThrow().user().role()).isEqualTo(User.Role.ADMIN);
            assertThat(users.setRole(admin.orgId(), admin.id(), User.Role.MEMBER)).isEqualTo(UserStore.Change.DONE);
            assertThat(users.find(admin.id()).orElseThrow().role()).isEqualTo(User.Role.MEMBER);
            assertThat(users.setRole(admin.orgId(), member.id(), User.Role.MEMBER))
                    .isEqualTo(UserStore.Change.LAST_ADMIN);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void two_admins_removing_each_other_at_once_leave_one_of_them(TestServer.Db db) throws Exception {
        try (TestServer server = TestServer.start(db)) {
            Jdbi jdbi = server.app().database().jdbi();
            UserStore users = new UserStore(jdbi, Clock.systemUTC());
            User first = users.findByEmail(server.app().firstStart().email()).orElseThrow();
            User second = users.create(first.orgId(), "second-admin@example.com", User.Role.ADMIN, "a long password");

            // The first admin's removal of the second, held open half-way: the admin rows read (and locked, on
            // PostgreSQL) and the second admin deleted, not yet committed.
            try (Handle removingSecond = jdbi.open()) {
                removingSecond.begin();
                removingSecond.createQuery("SELECT id FROM users WHERE org_id = :org AND role = 'admin'"
                                + (db == TestServer.Db.POSTGRES ? " FOR UPDATE" : ""))
                        .bind("org", first.orgId()).mapTo(String.class).list();
                removingSecond.createUpdate("DELETE FROM users WHERE id = :id").bind("id", second.id()).execute();

                CompletableFuture<UserStore.Change> removingFirst =
                        CompletableFuture.supplyAsync(() -> users.remove(first.orgId(), first.id()));
                awaitBlocked(db, jdbi, removingFirst);
                removingSecond.commit();

                assertThat(removingFirst.get(10, TimeUnit.SECONDS)).isEqualTo(UserStore.Change.LAST_ADMIN);
            }
            assertThat(users.find(first.id())).isPresent();
            assertThat(users.find(second.id())).isEmpty();
        }
    }

    /**
     * Waits until the concurrent removal is stuck behind the open transaction, so that it really ran alongside it:
     * on PostgreSQL until a session waits for a row lock; on SQLite, where every write transaction takes the one
     * write lock up front, a while in which it has not finished.
     */
    private static void awaitBlocked(TestServer.Db db, Jdbi jdbi, CompletableFuture<?> removal)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            assertThat(removal).as("the removal ran past the open transaction").isNotDone();
            boolean waiting = db == TestServer.Db.POSTGRES
                    ? jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND wait_event_type = 'Lock'")
                            .mapTo(Integer.class).one()) > 0
                    : i >= 5;
            if (waiting) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the concurrent removal never waited for the open transaction");
    }
}
