package dev.missioncontrol.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escape_sequences_from_logs_print_as_visible_marks_and_do_nothing() {
        String clearAndRetitle = "ERROR \u001b[2J\u001b]0;pwned\u0007 done";
        assertThat(TerminalText.safe(clearAndRetitle)).isEqualTo("ERROR ^[[2J^[]0;pwned^G done")
                .doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(TerminalText.safe("csi \u009b31m, del \u007f")).isEqualTo("csi <U+009B>31m, del ^?");
        assertThat(TerminalText.safe("admin\u202e\u2066txt.exe")).isEqualTo("admin<U+202E><U+2066>txt.exe");
    }

    @Test
    void ordinary_text_new_lines_tabs_and_other_scripts_pass_unchanged() {
        String report = "## Summary\n\tПароль сброшен · 数据库 ✓ 🚀";
        assertThat(TerminalText.safe(report)).isEqualTo(report);
        assertThat(TerminalText.safe(null)).isEmpty();
    }
}
