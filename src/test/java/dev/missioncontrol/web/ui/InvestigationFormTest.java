package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.errors.ValidationException;
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
    void json_with_a_typo_is_refused_with_where_it_breaks_rather_than_taken_as_logs() {
        assertThatThrownBy(() -> InvestigationForm.context("{\"service\": \"checkout\",}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("context looks like JSON but is not")
                .hasMessageContaining("(line 1, column 24)");
        assertThatThrownBy(() -> InvestigationForm.context("\n{\n  \"service\": \"checkout\"\n  \"env\": \"prod\"\n}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("a comma is missing between two entries (line 4, column 3)");
        assertThatThrownBy(() -> InvestigationForm.context("[{\"a\": 1},]"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> InvestigationForm.context("{\"service\": \"checkout\""))
                .hasMessageContaining("it ends before the JSON value is complete");
    }

    @Test
    void log_lines_in_brackets_are_still_logs() {
        for (String log : new String[] {"[2026-11-29 10:00:00] ERROR boom", "[main] INFO started", "[ERROR] x",
                "[\n12, 13] not json"}) {
            assertThat(InvestigationForm.context(log).path("logs").asText()).as(log).isEqualTo(log);
        }
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

    /**
     * An uploaded file joins what the context box holds; neither the pasted lines nor the file is dropped, and the
     * file stays a source of its own, so its lines are quoted by its name and their own numbers.
     */
    @Test
    void an_upload_is_added_beside_the_logs_already_given() {
        var text = InvestigationForm.context("ERROR pasted");
        InvestigationForm.withUpload(text, "app.log", "ERROR from file");
        assertThat(text.at("/logs/pasted").asText()).isEqualTo("ERROR pasted");
        assertThat(text.at("/logs/app.log").asText()).isEqualTo("ERROR from file");

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
