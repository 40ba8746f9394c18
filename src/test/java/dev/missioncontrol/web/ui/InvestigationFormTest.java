package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvestigationFormTest {

    @Test
    void a_json_object_in_the_context_box_is_the_context() {
        assertThat(InvestigationForm.context("{\"service\": \"checkout\"}").path("service").asText())
                .isEqualTo("checkout");
    }

    @Test
    void pasted_json_lines_are_logs_not_their_first_object() {
        String lines = "{\"level\":\"error\"}\n{\"level\":\"info\"}";
        assertThat(InvestigationForm.context(lines).path("logs").asText()).isEqualTo(lines);
    }

    @Test
    void plain_text_is_logs_and_blank_is_empty() {
        assertThat(InvestigationForm.context("ERROR boom").path("logs").asText()).isEqualTo("ERROR boom");
        assertThat(InvestigationForm.context("  ")).isEmpty();
    }

    @Test
    void the_body_matches_what_the_api_takes() {
        var body = InvestigationForm.body("why?", "", "general", null);
        assertThat(body.path("prompt").asText()).isEqualTo("why?");
        assertThat(body.path("session_type").asText()).isEqualTo("general");
        assertThat(InvestigationForm.body("why?", "", "anything", null).path("session_type").asText())
                .isEqualTo("root_cause_analysis");
    }

    /** An uploaded file joins what the context box holds; neither the pasted lines nor the file is dropped. */
    @Test
    void an_upload_is_added_beside_the_logs_already_given() {
        var text = InvestigationForm.context("ERROR pasted");
        InvestigationForm.withUpload(text, "app.log", "ERROR from file");
        assertThat(text.path("logs").asText()).isEqualTo("ERROR pasted\nERROR from file");

        var lines = InvestigationForm.context("{\"logs\":[\"ERROR line A\",\"ERROR line B\"],\"service\":\"x\"}");
        InvestigationForm.withUpload(lines, "app.log", "ERROR from file");
        assertThat(lines.at("/logs/pasted/1").asText()).isEqualTo("ERROR line B");
        assertThat(lines.at("/logs/app.log").asText()).isEqualTo("ERROR from file");

        var files = InvestigationForm.context("{\"logs\":{\"app.log\":\"ERROR first\"}}");
        InvestigationForm.withUpload(files, "app.log", "ERROR second");
        assertThat(files.at("/logs/app.log").asText()).isEqualTo("ERROR first");
        assertThat(files.path("logs").path("app.log (2)").asText()).isEqualTo("ERROR second");
        assertThat(dev.missioncontrol.sessions.SessionInput.from(dev.missioncontrol.store.Json.object()
                .put("prompt", "p").set("context", lines)).context().path("logs").size())
                .as("the API takes what the form makes").isEqualTo(2);
    }
}
