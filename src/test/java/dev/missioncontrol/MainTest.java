package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void no_command_is_a_usage_error_and_help_is_not() {
        assertThat(Main.commandLine().execute()).isEqualTo(2);
        assertThat(Main.commandLine().execute("--help")).isZero();
    }
}
