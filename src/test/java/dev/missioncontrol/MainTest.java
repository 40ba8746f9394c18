package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void no_command_is_a_usage_error_and_help_is_not() {
        assertThat(Main.commandLine().execute()).isEqualTo(2);
        assertThat(Main.commandLine().execute("--help")).isZero();
    }

    @Test
    void a_command_of_subcommands_without_one_is_a_usage_error() {
        assertThat(Main.commandLine().execute("admin")).isEqualTo(2);
        assertThat(Main.commandLine().execute("logs")).isEqualTo(2);
    }

    @Test
    void every_command_that_lists_version_prints_it() {
        for (String[] args : new String[][] {{"--version"}, {"serve", "--version"}, {"admin", "--version"},
            {"admin", "create-api-key", "--version"}, {"logs", "-V"}}) {
            StringWriter out = new StringWriter();
            assertThat(Main.commandLine().setOut(new PrintWriter(out, true)).execute(args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).isEqualTo("Mission Control 0.1.0\n");
        }
    }
}
