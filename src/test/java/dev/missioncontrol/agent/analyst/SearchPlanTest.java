package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPlanTest {

    @Test
    void the_phrase_searched_is_the_longest_run_of_words_every_line_holds() {
        assertThat(SearchPlan.phrase("upstream <*> timed out after <*> ms"))
                .isEqualTo("\\Qtimed\\E\\s+\\Qout\\E\\s+\\Qafter\\E");
    }

    /** No line holds a masked secret as shown, so searching for it finds nothing and reads as contrary evidence. */
    @Test
    void a_masked_secret_is_never_part_of_the_phrase() {
        assertThat(SearchPlan.phrase("login failed for password=[REDACTED] from <*>"))
                .isEqualTo("\\Qlogin\\E\\s+\\Qfailed\\E\\s+\\Qfor\\E");
    }
}
