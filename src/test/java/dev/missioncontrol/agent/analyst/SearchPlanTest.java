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

    /** A dumped body is one long word, and a search for it would exceed search_logs' limit on a query's length. */
    @Test
    void a_blob_or_the_cut_end_of_a_template_is_never_part_of_the_phrase() {
        String blob = "A".repeat(3000);
        assertThat(SearchPlan.phrase("request body dump: " + blob + " " + blob))
                .isEqualTo("\\Qrequest\\E\\s+\\Qbody\\E\\s+\\Qdump:\\E");
        assertThat(SearchPlan.phrase("<*> cache miss for tenant-wide-configuration-snapshot…"))
                .isEqualTo("\\Qcache\\E\\s+\\Qmiss\\E\\s+\\Qfor\\E");
    }
}
