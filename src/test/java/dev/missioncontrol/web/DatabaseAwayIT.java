package dev.missioncontrol.web;

import static dev.missioncontrol.web.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestDatabases;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away under a running server: readiness says so promptly, requests get a 503, and both recover. */
class DatabaseAwayIT {

    @Test
    void an_outage_is_a_prompt_not_ready_and_a_503_with_retry_after_until_the_database_is_back() {
        try (TestServer server = TestServer.start(TestServer.Db.POSTGRES)) {
            Api api = server.api();
            assertThat(api.get("/readyz").status()).isEqualTo(200);
            TestDatabases.allowConnections(server.databaseUrl(), false);
            try {
                // the pool's idle connections are gone with their backends; readiness must not wait out the pool
                await().atMost(Duration.ofSeconds(15)).until(() -> api.get("/readyz").status() == 503);
                Api.Reply write = api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                        + "\"repository_full_name\":\"acme/web\"}");
                assertProblem(write, 503);
                assertThat(write.header("Retry-After")).isNotBlank();
            } finally {
                TestDatabases.allowConnections(server.databaseUrl(), true);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/readyz").status() == 200);
            assertThat(api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\"}").status()).isEqualTo(201);
        }
    }
}
