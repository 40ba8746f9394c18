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
}
