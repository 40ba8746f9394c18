package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two admins adding one colleague at once: one account is made, and the other admin is told it exists. */
class UserCreationIT {

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void a_colleague_added_twice_at_once_is_created_once_and_the_other_is_told_so(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            UserStore users = new UserStore(server.app().database().jdbi(), Clock.systemUTC());
            String org = users.findByEmail(server.app().firstStart().email()).orElseThrow().orgId();

            List<CompletableFuture<Optional<User>>> adds = IntStream.range(0, 4).mapToObj(i -> CompletableFuture
                    .supplyAsync(() -> users.createIfFree(org, i % 2 == 0 ? "Same@Example.com" : "same@example.com",
                            User.Role.MEMBER, "password number " + i))).toList();

            List<Optional<User>> made = adds.stream().map(CompletableFuture::join).toList();
            assertThat(made).filteredOn(Optional::isPresent).hasSize(1);
            int winner = made.indexOf(made.stream().filter(Optional::isPresent).findFirst().orElseThrow());
            assertThat(users.login("same@example.com", "password number " + winner)).isPresent();
            assertThat(users.createIfFree(org, "same@example.com", User.Role.ADMIN, "another password")).isEmpty();
        }
    }
}
