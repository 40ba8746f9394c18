package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the report's quotes stand as CommonMark reads the markdown, which models nest in lists and quotes. */
class QuotedLinesTest {
    private static final String OOM = "2026-03-01T09:00:03Z FATAL api - java.lang.OutOfMemoryError: Java heap space";

    @Test
    void a_block_in_a_nested_list_item_is_code_and_its_mark_goes_after_the_closing_fence() {
        String md = "## Findings\n\n1. **Memory**\n   - the API ran out:\n\n     ```\n     " + OOM
                + "\n     ```\n   - then restarted\n";

        assertThat(QuotedLines.quotes(md)).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo(OOM);
            assertThat(q.block()).isTrue();
            assertThat(md.substring(q.start(), q.end())).isEqualTo(OOM);
            assertThat(md.substring(0, q.markAt())).endsWith(OOM + "\n     ```");
        });
    }

    @Test
    void a_code_span_broken_over_two_lines_is_one_quote() {
        String md = "## Findings\n\nThe log says `2026-03-01T09:00:01Z ERROR db -\nlogin failed` at nine.\n";

        assertThat(QuotedLines.quotes(md)).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("2026-03-01T09:00:01Z ERROR db - login failed");
            assertThat(md.substring(q.markAt())).isEqualTo(" at nine.\n");
        });
    }

    @Test
    void a_log_line_in_a_list_items_further_paragraph_and_in_a_quote_within_a_list_are_quotes() {
        String md = "## Findings\n\n1. The API crashed:\n\n   " + OOM + "\n\n2. The pool:\n   > "
                + "2026-03-01T09:00:02Z WARN pool - timed out\n";

        assertThat(QuotedLines.quotes(md)).extracting(QuotedLines.Code::text)
                .containsExactly(OOM, "2026-03-01T09:00:02Z WARN pool - timed out");
    }

    /** A report cut in the middle of a block ends in an unclosed fence: a mark after its lines would be inside it. */
    @Test
    void an_unclosed_fence_and_a_fence_in_advice_quote_nothing() {
        String cut = "## Findings\n\n~~~\n" + OOM + "\n";
        String advice = "## Recommended actions\n\n```\n" + OOM + "\n```\n";

        assertThat(QuotedLines.quotes(cut)).isEmpty();
        assertThat(QuotedLines.in(cut)).extracting(QuotedLines.Code::text).containsExactly(OOM);
        assertThat(QuotedLines.quotes(advice)).isEmpty();
        assertThat(QuotedLines.in(advice)).extracting(QuotedLines.Code::text).containsExactly(OOM);
    }

    @Test
    void a_span_in_a_table_cell_with_escaped_bars_ends_at_its_closing_backtick() {
        String md = "## Findings\n\n| Line |\n|---|\n| `x \\| y 12:00:01 ERROR z` and `a\\|b\\|c` |\n";

        assertThat(QuotedLines.in(md)).extracting(c -> md.substring(c.start(), c.end()))
                .containsExactly("`x \\| y 12:00:01 ERROR z`", "`a\\|b\\|c`");
        assertThat(QuotedLines.quotes(md)).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("x | y 12:00:01 ERROR z");
            assertThat(md.substring(q.markAt())).startsWith(" and `a");
        });
    }

    @Test
    void a_bold_line_over_its_first_lines_and_a_setext_heading_start_sections_too() {
        String bold = "**Recommended actions**\nRun `kubectl logs app | grep ERROR --since 10m now` first.\n";
        String setext = "Not checked\n---\n\n- `" + OOM + "`\n";

        assertThat(QuotedLines.quotes(bold)).isEmpty();
        assertThat(QuotedLines.quotes(setext)).isEmpty();
        assertThat(QuotedLines.quotes("Findings\n===\n\n- `" + OOM + "`\n")).hasSize(1);
    }

    @Test
    void a_pre_block_closed_in_capitals_ends_before_its_tag() {
        String md = "## Findings\n\n<PRE>" + OOM + "</PRE>\n";

        assertThat(QuotedLines.quotes(md)).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo(OOM));
    }

    @Test
    void a_bold_line_alone_starts_a_section_as_a_heading_does() {
        String md = "**Not checked:**\n\n- `" + OOM + "`\n\n**Findings**\n\n- `" + OOM + "`\n";

        assertThat(QuotedLines.quotes(md)).singleElement()
                .satisfies(q -> assertThat(q.start()).isGreaterThan(md.indexOf("**Findings**")));
    }
}
