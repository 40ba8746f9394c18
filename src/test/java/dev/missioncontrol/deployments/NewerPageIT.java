package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Cursor;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The list pages' "Newer" link starts where the page before the shown one began, on both databases. */
class NewerPageIT {

    @ParameterizedTest
    @EnumSource(TestServer.Db.class)
    void the_newer_page_starts_after_the_row_just_newer_than_it(TestServer.Db db) {
        try (TestServer server = TestServer.start(db)) {
            Api api = server.api();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                ids.add(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship " + i + "\","
                        + "\"repository_full_name\":\"acme/newer\"}").json().get("id").asText());
            }
            Jdbi jdbi = server.app().database().jdbi();
            DeploymentStore store = new DeploymentStore(jdbi);
            String org = jdbi.withHandle(h -> h.createQuery("SELECT org_id FROM deployments WHERE id = :id")
                    .bind("id", ids.getFirst()).mapTo(String.class).one());
            var all = new DeploymentQuery(org, "acme/newer", null, null, null, null, 100);
            List<Deployment> newestFirst = store.list(all);
            assertThat(newestFirst).hasSize(7);

            // pages of two: [0 1] [2 3] [4 5] [6]; the page before [4 5] is [2 3], which starts after row 1
            assertThat(store.newerPageStart(all, at(newestFirst.get(4)), 2)).isEqualTo(at(newestFirst.get(1)));
            assertThat(store.newerPageStart(all, at(newestFirst.get(2)), 2)).as("the page before is the first")
                    .isNull();
            // a page that starts off the usual boundaries: [3 4] has [1 2] before it, after row 0
            assertThat(store.newerPageStart(all, at(newestFirst.get(3)), 2)).isEqualTo(at(newestFirst.get(0)));
        }
    }

    private static Cursor at(Deployment d) {
        return Cursor.after(d.createdAt(), d.id());
    }
}
