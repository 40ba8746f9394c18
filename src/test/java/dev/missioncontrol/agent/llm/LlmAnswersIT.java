package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.LlmSessions.awaitCompleted;
import static dev.missioncontrol.agent.llm.LlmSessions.events;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answers of the model that cannot be taken as they came, against a stand-in provider on OpenAI's wire protocol. */
class LlmAnswersIT {
    private static final String REPORT = ModelReports.complete("The payment database ran out of connections.",
            List.of()).strip();
    /** A first look at the logs: a report written without one is sent back before it is taken. */
    private static final String SEARCH = "{\"query\":\"502\"}";

    /** The session the model's scripted answers lead to, completed: its API view, timeline and the provider. */
    private record Finished(JsonNode session, String timeline, FakeOpenAi llm) {
    }

    private static Finished investigate(Consumer<FakeOpenAi> answers) {
        try (FakeOpenAi llm = new FakeOpenAi();
                TestServer server = LlmSessions.serverWith(llm.baseUrl(), Duration.ofSeconds(10))) {
            answers.accept(llm);
            Api api = server.api();
            String id = LlmSessions.start(api, "Why is checkout failing?",
                    "2026-01-01T10:00:00Z ERROR checkout - upstream connect error 502");
            JsonNode session = awaitCompleted(api, id);
            return new Finished(session, events(api, id).toString(), llm);
        }
    }

    @Test
    void an_answer_cut_off_at_the_length_limit_is_no_report_and_is_asked_again_more_briefly() {
        Finished once = investigate(llm -> llm.thenToolCall("search_logs", SEARCH)
                .thenText("## Summary\nThe database conn", "length").thenText(REPORT));
        assertThat(once.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(once.timeline()).contains("cut off at its length limit; it is asked to answer again");
        assertThat(once.llm().request(2).toString()).contains("That answer was cut off at the length limit");

        Finished twice = investigate(llm -> llm.thenText("## Summary\nThe database conn", "length")
                .thenText("## Summary\nThe data", "length"));
        assertThat(twice.session().get("report").asText()).doesNotContain("The database conn").contains("502");
        assertThat(twice.timeline()).contains("the LLM's answer was cut off at its length limit twice in a row; "
                + "the built-in analyst takes over");
    }

    /** Counted by kind alone, a model alternating the two was asked a hundred times over. */
    @Test
    void a_malformed_call_right_after_a_cut_off_answer_hands_over_as_a_second_in_a_row() {
        Finished f = investigate(llm -> llm.thenText("## Summary\nThe data", "length")
                .thenToolCall("search_logs", "{\"query\": \"502\",").thenText("## Summary\nThe da", "length")
                .thenText(REPORT));
        assertThat(f.timeline()).contains("the LLM sent tool arguments that are not valid JSON right after another "
                + "answer was sent back; the built-in analyst takes over");
        assertThat(f.llm().requests).hasSize(2);
        assertThat(f.session().get("report").asText()).isNotEqualTo(REPORT).contains("502");
    }

    @Test
    void an_answer_stopped_by_the_content_filter_says_so() {
        Finished filtered = investigate(llm -> llm.thenText("", "content_filter"));
        assertThat(filtered.timeline()).contains("the LLM provider's content filter stopped the LLM's answer; "
                + "the built-in analyst takes over").doesNotContain("answered with nothing");
    }

    @Test
    void a_response_without_choices_says_so() {
        Finished empty = investigate(FakeOpenAi::thenNoChoices);
        assertThat(empty.timeline()).contains("the LLM provider sent a response with no answer in it")
                .contains("analyst takes over");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"query\": \"502\",  | are not valid JSON",
            "[\"502\"]             | are not a JSON object"})
    void tool_arguments_that_are_not_a_json_object_are_sent_back_and_shown(String raw, String problem) {
        Finished f = investigate(llm -> llm.thenToolCall("search_logs", raw)
                .thenToolCall("search_logs", "{\"query\":\"502\"}").thenText(REPORT));
        assertThat(f.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(f.timeline()).contains("The LLM called search_logs with arguments that " + problem + ": "
                + raw.replace("\"", "\\\"")).doesNotContain("query is required");
        String told = f.llm().request(1).get("messages").toString();
        assertThat(told).contains("not run: the arguments " + problem);
        assertThat(f.timeline().split("\"type\":\"tool_call\"")).as("only the good call ran").hasSize(2);
    }

    @Test
    void tool_arguments_of_megabytes_are_sent_back_and_never_kept_whole() {
        String huge = "{\"query\":\"" + "502 ".repeat(750_000) + "\"}";
        Finished f = investigate(llm -> llm.thenToolCall("search_logs", huge).thenToolCall("search_logs", SEARCH)
                .thenText(REPORT));
        assertThat(f.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(f.timeline()).hasSizeLessThan(ReportText.MAX_CHARS)
                .contains("The LLM called search_logs with arguments that are longer than the 65536 characters kept");
        assertThat(f.llm().request(1).get("messages").toString()).contains("not run: the arguments are longer");
    }

    /** A model looping on one call used all twelve tool calls; its result is in the conversation already. */
    @Test
    void a_call_repeated_with_the_same_arguments_is_not_run_again_and_a_second_repeat_hands_over() {
        Finished told = investigate(llm -> llm.thenToolCall("search_logs", SEARCH).thenToolCall("search_logs", SEARCH)
                .thenText(REPORT));
        assertThat(told.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(told.timeline()).contains("The LLM asked for search_logs again with the same arguments")
                .containsOnlyOnce("\"type\":\"tool_result\"");
        assertThat(told.llm().request(2).get("messages").toString()).contains("was already called with these "
                + "arguments, and its result is above");

        Finished looping = investigate(llm -> llm.thenToolCall("search_logs", SEARCH)
                .thenToolCall("search_logs", SEARCH).thenToolCall("search_logs", SEARCH).thenText(REPORT));
        assertThat(looping.timeline()).contains("the LLM asked again for a tool call it had already made twice in a "
                + "row; the built-in analyst takes over");
        assertThat(looping.llm().requests).hasSize(3);
    }

    @Test
    void of_two_tools_asked_for_in_one_answer_the_first_runs_and_the_model_is_told_of_the_second() {
        Finished f = investigate(llm -> llm.thenToolCalls("current_time", "{}", "list_deployments", "{}")
                .thenText(REPORT));
        assertThat(f.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(f.timeline()).contains("The LLM asked for 2 tools in one answer; only current_time is run");
        JsonNode sent = f.llm().request(1).get("messages");
        assertThat(sent.get(sent.size() - 2).path("role").asText()).isEqualTo("tool");
        assertThat(sent.get(sent.size() - 1).path("content").asText()).startsWith("Only current_time was run")
                .contains("list_deployments");
    }

    @Test
    void a_runaway_answer_is_cut_at_a_line_end_before_it_becomes_the_report() {
        String line = "- the pool ran out again at 10:00:01 and the retries piled up\n";
        String runaway = "## Summary\n\nThe pool.\n\n## Findings\n\n" + line.repeat(50_000);
        Finished f = investigate(llm -> llm.thenToolCall("search_logs", SEARCH).thenText(runaway).thenText(REPORT));

        // cut, it lost the sections after the findings, so it went back to the model, and was stored only that far
        assertThat(f.session().get("report").asText()).isEqualTo(REPORT);
        assertThat(f.timeline()).as("each copy of the answer cut, not 3 MB").hasSizeLessThan(4 * ReportText.MAX_CHARS)
                .contains("retries piled up\\n\\n[The answer was cut here");
    }
}
