package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reports on logs where the catalogue of failure signatures decides the cause, read as the person would. */
class KnownIssueReportTest {
    private final Playbook playbook = new Playbook();

    private String report(String question, String logs) {
        return playbook.run(Playbook.facts(question, logs)).report().markdown();
    }

    @Test
    void a_java_class_name_that_holds_an_error_code_is_not_that_error() {
        StringBuilder logs = new StringBuilder("2026-01-01T10:00:00Z INFO  api - GET /orders 200\n");
        for (int i = 1; i <= 4; i++) {
            logs.append(String.format("2026-01-01T10:00:%02dZ ERROR api - InventoryClient - stock lookup failed: "
                    + "org.springframework.web.client.ResourceAccessException: I/O error on GET request for "
                    + "\"http://inventory:8080/items/42\": Unexpected end of file from server%n", i));
        }
        assertThat(report("Why does the stock lookup fail?", logs.toString()))
                .doesNotContain("Permission denied").contains("Connection reset or broken pipe");
    }
}
