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

    @Test
    void a_failed_deployment_says_its_verdict_is_final_and_links_the_investigation_not_that_checks_are_coming()
            throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            var posted = server.api().post("/api/v1/deployments/", """
                    {"deployment_request": "Deploy acme/web", "repository_full_name": "acme/web",
                     "status": "failure"}""");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String id = posted.json().path("id").asText();
            var verdict = server.api().get("/api/v1/deployments/" + id + "/?wait=30").json().path("verdict");
            assertThat(verdict.path("state").asText()).isEqualTo("failed");
            var login = LoginHttpIT.Login.of(server, "127.0.0.1");

            var page = login.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/deployments/" + id)));

            assertThat(page.body()).contains("The deploy itself failed").contains("The verdict is failed, and final")
                    .contains("<a href=\"/agents/" + posted.json().path("agent_session_id").asText()
                            + "\" id=\"deploy-failed-session\">The monitor session investigates the failure</a>")
                    .doesNotContain("No check has run yet").doesNotContain("updates as checks come in");
        }
    }
}
