package dev.missioncontrol.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Several nodes naming the same new repository at once, as CI posting to a load balancer does. */
class ProjectRegistrationRaceIT {
    private static final int NODES = 6;

    private static void awaitAll(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_concurrent_registration_of_one_new_repository_in_any_case_gets_the_same_project() throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(TestDatabases.freshPostgres(),
                Files.createTempDirectory("mc-race")), "NORMAL");
             var pool = Executors.newFixedThreadPool(NODES)) {
            String org = new OrgStore(db.jdbi(), Clock.systemUTC()).createOrg("race").id();
            CyclicBarrier allLookedUp = new CyclicBarrier(NODES);
            List<CompletableFuture<Project>> registered = IntStream.range(0, NODES)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> db.jdbi().inTransaction(h -> {
                        // each looks first and finds nothing, then all insert together
                        // half of them spell it in another case, which names the same repository
                        String repository = i % 2 == 0 ? "race/new-service" : "Race/New-Service";
                        assertThat(OrgStore.findProjectByRepository(h, org, repository)).isEmpty();
                        awaitAll(allLookedUp);
                        return OrgStore.insertProject(h, org, repository, Instant.now());
                    }), pool)).toList();

            List<String> ids = registered.stream().map(f -> f.join().id()).distinct().toList();
            assertThat(ids).hasSize(1);
            assertThat(new OrgStore(db.jdbi(), Clock.systemUTC()).projects(org)).extracting(Project::id)
                    .containsExactlyElementsOf(ids);
        }
    }
}
