package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** The hourly cleanup of pushed signals racing a push on PostgreSQL, where both run at once. */
class SignalPurgeRaceIT {

    @Test
    void a_push_reviving_an_idle_series_during_the_cleanup_keeps_its_samples_readable() throws Exception {
        String url = TestDatabases.freshPostgres();
        try (Database db = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-purge")), "NORMAL")) {
            SignalStore store = new SignalStore(db.jdbi());
            String org = new OrgStore(db.jdbi(), Clock.systemUTC()).createOrg("purge").id();
            Project project = db.jdbi().withHandle(h -> OrgStore.insertProject(h, org, "acme/api", Instant.now()));
            Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
            Sample old = new Sample("error_rate", 0.01, dayAgo, Map.of("pod", "a"));
            db.jdbi().useTransaction(h -> store.insert(h, org, project.id(), PushedSeries.of(List.of(old)), dayAgo));
            Instant now = Instant.now();
            Sample fresh = new Sample("error_rate", 0.02, now, Map.of("pod", "a"));

            // the push has written the series and its new sample but not committed when the cleanup starts
            CompletableFuture<Integer> purged;
            try (Handle push = db.jdbi().open()) {
                push.begin();
                store.insert(push, org, project.id(), PushedSeries.of(List.of(fresh)), now);
                purged = CompletableFuture.supplyAsync(() -> store.purgeBefore(now.minus(Duration.ofHours(1))));
                Thread.sleep(500); // time for the cleanup to reach the series, or to wait for the push
                push.commit();
            }

            assertThat(purged.get(10, TimeUnit.SECONDS)).as("the day-old sample").isEqualTo(1);
            assertThat(store.series(project.id(), now.minusSeconds(1), now.plusSeconds(1)))
                    .as("the pushed sample under a series that still exists")
                    .flatExtracting(Series::points).extracting(Series.Point::value).containsExactly(0.02);
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }
}
