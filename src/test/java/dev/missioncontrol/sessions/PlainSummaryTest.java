package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summary fields as a terminal shows them: no markdown escapes or emphasis, quotes still in backticks. */
class PlainSummaryTest {

    @Test
    void escapes_and_emphasis_go_and_code_spans_stay_quoted() {
        assertThat(PlainSummary.of("release\\_bot \\[ops\\] cancelled the monitor before its bake time ended"))
                .isEqualTo("release_bot [ops] cancelled the monitor before its bake time ended");
        assertThat(PlainSummary.of("Verdict **degraded**: `error_rate` rose on *payment\\_service*"))
                .isEqualTo("Verdict degraded: `error_rate` rose on payment_service");
        assertThat(PlainSummary.of("Quoted: `` a`b ``")).isEqualTo("Quoted: ``a`b``");
    }

    @Test
    void a_link_keeps_its_address_and_lines_run_on() {
        assertThat(PlainSummary.of("See [the runbook](https://wiki.example.com/rb) first.\nThen roll back."))
                .isEqualTo("See the runbook (https://wiki.example.com/rb) first. Then roll back.");
        assertThat(PlainSummary.of("> **Unverified:** 1 of 2 quoted log lines\n\nLikely cause: pool exhaustion"))
                .isEqualTo("Unverified: 1 of 2 quoted log lines Likely cause: pool exhaustion");
    }

    @Test
    void plain_text_is_left_as_it_was() {
        String plain = "Likely cause: connection pool exhaustion after deploy abc1234 (confidence: high)";
        assertThat(PlainSummary.of(plain)).isEqualTo(plain);
        assertThat(PlainSummary.of("")).isEmpty();
        assertThat(PlainSummary.of(null)).isNull();
    }
}
