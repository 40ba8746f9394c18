package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatedStatementsTest {
    @Test
    void a_plain_read_passes_ungated() {
        assertThat(GatedStatements.mayWrite("SELECT * FROM api_keys WHERE id = ?")).isFalse();
        assertThat(GatedStatements.mayWrite("  \n select 1")).isFalse();
        assertThat(GatedStatements.mayWrite("-- the newest first\n/* a\n note */ SELECT 1")).isFalse();
    }

    @Test
    void anything_that_may_write_takes_the_gate() {
        assertThat(GatedStatements.mayWrite("UPDATE api_keys SET last_used_at = ? WHERE id = ?")).isTrue();
        assertThat(GatedStatements.mayWrite("INSERT INTO marks VALUES (?)")).isTrue();
        assertThat(GatedStatements.mayWrite("WITH old AS (SELECT id FROM t) DELETE FROM t WHERE id IN old")).isTrue();
        assertThat(GatedStatements.mayWrite("-- SELECT\nDELETE FROM t")).isTrue();
        assertThat(GatedStatements.mayWrite("SELECTED")).isTrue();
        assertThat(GatedStatements.mayWrite("")).isTrue();
    }
}
