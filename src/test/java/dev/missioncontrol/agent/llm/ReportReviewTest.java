package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's report goes through its review, one recorded step at a time, before it is stored. */
class ReportReviewTest {
    private static final String REAL = "2026-03-01T09:00:01.250Z ERROR checkout - upstream connect error 502";
    private static final String MADE_UP = "2026-03-01T09:00:05Z FATAL checkout - java.lang.OutOfMemoryError";
    private static final SessionFacts FACTS = AnalystReports.facts("Why does checkout fail?", Json.object()
            .put("logs", "2026-03-01T09:00:00Z INFO checkout - started\n" + REAL));
    private static final Brain MODEL_NOT_ASKED = h -> {
        throw new AssertionError("the model is not asked while its report is reviewed");
    };

    private final List<Entry> timeline = new ArrayList<>();

    @Test
    void the_check_is_recorded_then_each_confirmed_finding_then_the_checked_report() {
        add("tool_call", "Calling search_logs", Json.object().put("tool", "search_logs"));
        add("tool_result", "1 line matches", Json.object().put("tool", "search_logs").put("call_seq", 1));
        record(ReportReview.received(ModelReports.complete("502s from upstream.", List.of(REAL, MADE_UP),
                "Check the upstream")));
        ReportReview review = new ReportReview(MODEL_NOT_ASKED, AnalystReports.LOG_TOOLS);

        Step.Note check = (Step.Note) record(review.next(history()));
        assertThat(check.text()).startsWith("Checked the LLM's report: 2 quoted log lines, 1 found in the logs and "
                + "1 not found (`" + MADE_UP + "`)");
        Step.Note finding = (Step.Note) record(review.next(history()));
        assertThat(finding.kind()).isEqualTo(Step.NoteKind.FINDING);
        assertThat(finding.data().path("evidence").get(0).path("text").asText()).isEqualTo(REAL);
        Step.Finish done = (Step.Finish) review.next(history());

        assertThat(done.report().markdown()).startsWith("> **Unverified:** 1 of 2 quoted log lines")
                .contains("`" + MADE_UP + "` " + ReportCheck.NOT_IN_LOGS)
                .doesNotContain("`" + REAL + "` " + ReportCheck.NOT_IN_LOGS);
    }

    @Test
    void a_report_without_its_sections_is_sent_back_once_with_what_it_lacks_then_handed_to_the_analyst() {
        record(ReportReview.received("## Summary\nNothing wrong."));
        ReportReview review = new ReportReview(h -> new Step.Say("asked"), AnalystReports.LOG_TOOLS);

        Step.Note sentBack = (Step.Note) record(review.next(history()));
        assertThat(Reminders.is(timeline.getLast(), Reminders.NO_REPORT)).isTrue();
        List<ChatMessage> conversation = Conversation.of(history());
        assertThat(((UserMessage) conversation.getLast()).singleText()).contains("without calling a single tool")
                .contains("It lacks the sections Findings, Likely cause, Timeline, Recommended actions and Not "
                        + "checked.");
        assertThat(review.next(history())).as("the model answers the reminder").isEqualTo(new Step.Say("asked"));

        record(ReportReview.received("## Summary\nStill nothing wrong."));
        Step.Note handedOver = (Step.Note) review.next(history());

        assertThat(sentBack.text()).endsWith("; it is sent back once with a reminder");
        assertThat(handedOver.text()).isEqualTo("the LLM's report was written without calling a tool, though the "
                + "request came with logs and lacks the sections Findings, Likely cause, Timeline, Recommended "
                + "actions and Not checked, after a reminder; the built-in analyst takes over");
        assertThat(handedOver.data().path("llm_fallback").asBoolean()).isTrue();
    }

    private Step record(Step step) {
        Step.Note n = (Step.Note) step;
        add(n.kind().eventType(), n.text(), n.data());
        return step;
    }

    private void add(String type, String text, JsonNode data) {
        timeline.add(new Entry(timeline.size() + 1, type, text, data, AnalystReports.CREATED));
    }

    private History history() {
        return new History(FACTS, List.copyOf(timeline), AnalystReports.CREATED);
    }
}
