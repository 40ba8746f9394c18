package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** A deployment's page read over plain HTTP, for what it says before the monitor has anything to show. */
class DeploymentPageHttpIT {

    @Test
    void a_running_deployment_says_checks_start_with_its_success_event() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            var posted = server.api().post("/api/v1/deployments/", """
                    {"deployment_request": "Deploy acme/web", "repository_full_name": "acme/web", "status": "running",
                     "external_url": "https://ci.example.com/runs/1"}""");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            var login = LoginHttpIT.Login.of(server, "127.0.0.1");

            var page = login.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deployments/"
                    + posted.json().path("id").asText())));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Not verified yet: this deployment is running")
                    .doesNotContain("this page\n      updates as checks come in");
        }
    }
}
