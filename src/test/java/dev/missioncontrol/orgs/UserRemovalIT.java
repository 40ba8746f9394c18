package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.auth.WebSessionStore;
import dev.missioncontrol.testing.TestServer;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Removing people: their logins end with them, another organization cannot, and the last admin always stays. */
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

            assertThat(users.remove(otherOrg, member.id())).isEqualTo(UserStore.Removal.UNKNOWN);
            assertThat(users.remove(admin.orgId(), member.id())).isEqualTo(UserStore.Removal.REMOVED);
            assertThat(logins.find(token)).isEmpty();
            assertThat(users.login("leaver@example.com", "a long password")).isEmpty();
            assertThat(users.remove(admin.orgId(), admin.id())).isEqualTo(UserStore.Removal.LAST_ADMIN);
            assertThat(users.find(admin.id())).isPresent();
        }
    }
}
