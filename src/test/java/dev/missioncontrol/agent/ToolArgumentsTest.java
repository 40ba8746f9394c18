package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.logs.SearchLogs;
import dev.missioncontrol.tools.time.CurrentTime;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ToolArgumentsTest {
    private final Tool search = new SearchLogs();

    @Test
    void a_wrongly_typed_argument_is_refused_naming_it_and_what_the_tool_takes() {
        assertThat(ToolArguments.refusal(search, Json.object().put("query", "timeout").put("context_lines", "five")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("search_logs was not run: ")
                        .contains("context_lines: string found, integer expected")
                        .contains("It takes query (string), regex (boolean)"));
        assertThat(ToolArguments.refusal(search, Json.object().put("query", "timeout").put("regex", "yes")))
                .hasValueSatisfying(r -> assertThat(r).contains("regex").contains("boolean"));
        assertThat(ToolArguments.refusal(search, Json.object().put("query", 502)))
                .hasValueSatisfying(r -> assertThat(r).contains("query").contains("string"));
    }

    @Test
    void a_missing_required_argument_and_arguments_that_are_no_object_are_refused() {
        assertThat(ToolArguments.refusal(search, Json.object())).hasValueSatisfying(r -> assertThat(r)
                .contains("query"));
        assertThat(ToolArguments.refusal(search, TextNode.valueOf("timeout"))).isPresent();
    }

    @Test
    void arguments_of_the_right_types_pass_even_past_a_bound_the_tool_clamps() {
        assertThat(ToolArguments.refusal(search, Json.object().put("query", "timeout").put("max_matches", 500)
                .put("regex", false))).isEmpty();
        assertThat(ToolArguments.refusal(new CurrentTime(Clock.systemUTC()), MissingNode.getInstance())).isEmpty();
    }
}
