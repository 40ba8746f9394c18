package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

/** A report on logs where nothing is wrong says what it read, and nothing the logs contradict. */
class QuietReportTest {
    private static String report(String question, ObjectNode context) {
        return new Playbook().run(Playbook.facts(question, context)).report().markdown();
    }

    @Test
    void a_pod_listing_without_service_logs_is_not_called_a_clean_log() {
        ObjectNode context = Json.object();
        context.putObject("tool_outputs").put("kubectl_get_pod", "staging-63   user-api-6969cc599-n99kp   1/1   "
                + "Running   0   16s   10.0.2.184");
        String md = report("post last 10 logs that contain \"ERROR\" from user-api", context);
        assertThat(md).contains("No service logs to read: the request carried no `context.logs`, and the 1 event of "
                + "context.tool_outputs.kubectl_get_pod holds no errors or warnings.")
                .doesNotContain("No problem found").doesNotContain("contain no errors");
    }

    /** An error line as long as the healthy lines around it, with the same first words, is still the first bad line. */
    @Test
    void an_error_shaped_like_the_healthy_lines_is_not_grouped_with_them() {
        StringBuilder logs = new StringBuilder();
        for (int s = 0; s < 35; s += 5) {
            logs.append(String.format("2026-01-01T10:00:%02dZ INFO orders - POST /orders 201 in 4%dms%n", s, s / 5));
        }
        logs.append("2026-01-01T10:00:42Z ERROR orders - POST /orders failed: upstream timeout\n")
                .append("2026-01-01T10:00:43Z ERROR orders - POST /orders failed: upstream timeout\n");

        String md = report("Why do orders fail?", Json.object().put("logs", logs.toString()));

        assertThat(md).contains("The first bad line (2026-01-01T10:00:42Z) is `POST /orders failed: upstream timeout`")
                .contains("2 error lines").doesNotContain("in 40ms` ×").doesNotContain("×7");
    }

    @Test
    void info_lines_that_count_errors_are_not_said_to_hold_no_failure_words() {
        String logs = """
                2026-11-30T19:31:54Z INFO  search.stats - last 60s: requests=1185 errors=0 timeouts=0 p99=93ms
                2026-11-30T19:32:54Z INFO  search.index - refresh done; previous attempt failed, retried
                2026-11-30T19:33:54Z INFO  search.stats - last 60s: requests=1179 errors=0 timeouts=0 p99=86ms
                """;
        String md = report("Is anything wrong with search?", Json.object().put("logs", logs));
        assertThat(md).contains("No problem found: the 3 log events available hold no errors or warnings.")
                .contains("none is marked as an error or a warning (none at ERROR or WARN level")
                .doesNotContain("none with failure words");
    }
}
