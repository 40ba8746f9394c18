package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.LlmSessions.awaitCompleted;
import static dev.missioncontrol.agent.llm.LlmSessions.events;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.FakeOpenAi;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Answers of the model that cannot be taken as they came, against a stand-in provider on OpenAI's wire protocol. */
class LlmAnswersIT {
    private static final String REPORT = "## Summary\n\nThe payment database ran out of connections.";

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
    void a_runaway_answer_is_cut_at_a_line_end_before_it_becomes_the_report() {
        String line = "- the pool ran out again at 10:00:01 and the retries piled up\n";
        Finished f = investigate(llm -> llm.thenText(REPORT + "\n\n## Findings\n\n" + line.repeat(50_000)));
        String report = f.session().get("report").asText();
        assertThat(report).startsWith(REPORT).hasSizeLessThan(ReportText.MAX_CHARS + 200)
                .contains("retries piled up\n\n[The answer was cut here");
    }
}
