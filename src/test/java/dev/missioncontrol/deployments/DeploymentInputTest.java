package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

/** What a deployment event becomes once read: what clients send as they are, made usable. */
class DeploymentInputTest {

    @Test
    void the_official_actions_run_link_gets_its_missing_slash_back() {
        assertThat(ActionRunUrl.repaired("https://github.comacme/api/actions/runs/9", "acme/api"))
                .isEqualTo("https://github.com/acme/api/actions/runs/9");
        assertThat(ActionRunUrl.repaired("https://ghe.example.com:8443Acme/API/actions/runs/12", "acme/api"))
                .as("a server with a port, the repository in another case")
                .isEqualTo("https://ghe.example.com:8443/Acme/API/actions/runs/12");
    }

    @Test
    void links_that_are_already_whole_or_about_something_else_stay_as_sent() {
        assertThat(ActionRunUrl.repaired("https://github.com/acme/api/actions/runs/9", "acme/api"))
                .isEqualTo("https://github.com/acme/api/actions/runs/9");
        assertThat(ActionRunUrl.repaired("https://ci.example.com/job/acme/api/actions/runs/9", "acme/api"))
                .isEqualTo("https://ci.example.com/job/acme/api/actions/runs/9");
        assertThat(ActionRunUrl.repaired("https://github.comacme/api/actions/runs/9", "other/api"))
                .isEqualTo("https://github.comacme/api/actions/runs/9");
    }

    @Test
    void a_deployment_posted_by_the_action_stores_the_repaired_link() {
        var body = Json.read("{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/api\","
                + "\"external_url\":\"https://ghe.example.com:8443acme/api/actions/runs/9\"}");

        DeploymentInput input = DeploymentInput.from(body);

        assertThat(input.externalUrl()).isEqualTo("https://ghe.example.com:8443/acme/api/actions/runs/9");
        assertThat(body.get("external_url").asText()).as("the request itself is left as sent")
                .isEqualTo("https://ghe.example.com:8443acme/api/actions/runs/9");
    }

    @Test
    void optional_fields_a_ci_template_left_blank_are_taken_as_not_given() {
        var body = Json.read("{\"deployment_request\":\"Deploy\",\"repository_full_name\":\"acme/api\","
                + "\"commit_sha\":\"\",\"external_url\":\" \",\"ref\":\"\",\"commit_message\":\"  \"}");

        DeploymentInput input = DeploymentInput.from(body);

        assertThat(input.commitSha()).isNull();
        assertThat(input.externalUrl()).isNull();
        assertThat(input.ref()).isNull();
        assertThat(input.commitMessage()).isNull();
    }

    @Test
    void a_blank_repository_or_status_is_still_refused() {
        for (String field : new String[] {"repository_full_name", "status"}) {
            var body = Json.read("{\"deployment_request\":\"Deploy\",\"" + field + "\":\"\"}");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DeploymentInput.from(body)))
                    .as(field).isInstanceOf(dev.missioncontrol.errors.ValidationException.class);
        }
    }
}
