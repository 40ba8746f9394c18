package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Redactor;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void takes_the_summary_and_the_ordered_actions_from_the_markdown() {
        var r = ReportText.from("""
                ## Summary
                The pool ran dry after deploy abc123. Errors followed.

                More detail.

                ## Recommended actions
                1. Roll back abc123
                - Raise the pool size
                Not an action line
                """);
        assertThat(r.description()).isEqualTo("The pool ran dry after deploy abc123. Errors followed.");
        assertThat(r.outcome()).isEqualTo("The pool ran dry after deploy abc123.");
        assertThat(r.keyActions()).containsExactly("Roll back abc123", "Raise the pool size");
    }

    @Test
    void redacts_the_common_secret_shapes() {
        String out = Redactor.redact("token=abcd1234 Authorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl "
                + "postgres://app:hunter2@db/x AKIAABCDEFGHIJKLMNOP");
        assertThat(out).doesNotContain("abcd1234").doesNotContain("hunter2").doesNotContain("AKIAABCDEFGHIJKLMNOP")
                .doesNotContain("c2lnbmF0dXJl").contains("postgres://app:").contains("token=");
    }

    @Test
    void a_report_is_known_by_its_sections_however_the_headings_are_written() {
        assertThat(ReportText.isReport("## 1. Summary\nThe pool ran out.\n## 2. Findings\n- x")).isTrue();
        assertThat(ReportText.isReport("## **Summary**\nThe pool ran out.")).isTrue();
        assertThat(ReportText.isReport("**Summary:**\nThe pool ran out.\n\n**Likely cause:**\nthe pool")).isTrue();
        assertThat(ReportText.isReport("Summary\n=======\nThe pool ran out.")).isTrue();
        assertThat(ReportText.isReport("I'll start by analyzing the logs to find the root cause.")).isFalse();
        assertThat(ReportText.isReport("I'm sorry, but I can't help with that request.")).isFalse();
    }

    @Test
    void an_answer_past_the_limit_is_cut_at_the_end_of_a_line_with_a_note() {
        String answer = "## Summary\n" + "a line of the report\n".repeat(10_000);
        String kept = ReportText.capped(answer);
        assertThat(kept).hasSizeLessThan(ReportText.MAX_CHARS + 100)
                .contains("a line of the report\n\n[The answer was cut here: only its first ")
                .endsWith(" of " + answer.length() + " characters are kept.]");
        assertThat(ReportText.capped("## Summary\nshort")).isEqualTo("## Summary\nshort");
    }
}
