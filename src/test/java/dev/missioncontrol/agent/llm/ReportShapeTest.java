package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.store.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape API.md asks of a finished report. */
class ReportShapeTest {
    @Test
    void a_report_is_sent_back_for_missing_sections_or_for_quoting_logs_it_never_read() {
        SessionFacts facts = AnalystReports.facts("why?", Json.object().put("logs", "2026-03-01T09:00:01Z ERROR x"));
        var unread = ReportShape.gap(new History(facts, List.of(), AnalystReports.CREATED),
                "## Summary\nNothing wrong.").orElseThrow();
        assertThat(unread.reason()).isEqualTo("the LLM's report was written without calling a tool, though the "
                + "request came with logs and lacks the sections Findings, Likely cause, Timeline, Recommended "
                + "actions and Not checked");
        assertThat(unread.reminder()).contains("without calling a single tool")
                .contains("It lacks the sections Findings, Likely cause, Timeline, Recommended actions and Not "
                        + "checked.").contains("## Summary, ## Findings, ## Likely cause");
        assertThat(ReportShape.missing(ModelReports.complete("Nothing wrong.", List.of()))).isEmpty();
    }

    /** A report of megabytes loses its last sections to the cut; the model must learn why, or it sends it again. */
    @Test
    void a_report_cut_for_its_length_is_sent_back_as_too_long_not_only_as_lacking_sections() {
        SessionFacts facts = AnalystReports.facts("why?", Json.object());
        String kept = ReportText.capped(ModelReports.complete("The pool ran out.\n" + "- more evidence\n".repeat(
                ReportText.MAX_CHARS / 10), List.of()));
        var gap = ReportShape.gap(new History(facts, List.of(), AnalystReports.CREATED), kept).orElseThrow();

        assertThat(gap.reason()).startsWith("the LLM's report was cut at 65536 characters and lacks the sections");
        assertThat(gap.reminder()).contains("its end was cut off: write it far shorter");
        assertThat(ReportText.wasCut(ModelReports.complete("Nothing wrong.", List.of()))).isFalse();
    }
}
