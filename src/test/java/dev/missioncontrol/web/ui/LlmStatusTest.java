package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LlmStatusTest {

    @Test
    void the_base_url_is_shown_without_a_credential_in_its_user_part_or_query() {
        assertThat(status("https://gateway.example.com/v1").shownBaseUrl()).isEqualTo("https://gateway.example.com/v1");
        assertThat(status("https://svc:s3cr3t@gateway.example.com/v1").shownBaseUrl())
                .isEqualTo("https://…@gateway.example.com/v1");
        assertThat(status("https://ai.example.com/openai?api-version=2024-06-01&api-key=abc123").shownBaseUrl())
                .isEqualTo("https://ai.example.com/openai?api-version=…&api-key=…");
    }

    private static LlmStatus status(String baseUrl) {
        return new LlmStatus("openai", "m", baseUrl, true);
    }
}
