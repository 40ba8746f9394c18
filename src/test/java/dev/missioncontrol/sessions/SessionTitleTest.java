package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionTitleTest {

    @Test
    void a_title_has_no_escape_sequence_a_terminal_would_obey_and_no_secret() {
        String title = SessionTitle.of("\u001b[2J\u001b[31mDeploy api\u001b[0m with password=hunter2hunter2\u0007"
                + "\u009b2J \u202etxt.exe", "x");
        assertThat(title).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                .doesNotContain("\u202e").doesNotContain("hunter2hunter2").contains("Deploy api").contains("[REDACTED]");
    }

    @Test
    void a_title_with_nothing_visible_left_is_the_fallback() {
        assertThat(SessionTitle.of("\u0007\u200b ", "Investigation")).isEqualTo("Investigation");
    }
}
