package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void no_command_is_a_usage_error_and_help_is_not() {
        assertThat(Main.commandLine().execute()).isEqualTo(2);
        assertThat(Main.commandLine().execute("--help")).isZero();
    }

    /** The README's second command is the launcher's own, so picocli's list of commands lacks it. */
    @Test
    void help_names_the_launchers_own_test_command() {
        StringWriter out = new StringWriter();
        assertThat(Main.commandLine().setOut(new PrintWriter(out, true)).execute("--help")).isZero();
        assertThat(out.toString()).contains("also runs: test");
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
            assertThat(out.toString()).as(String.join(" ", args)).isEqualTo(BuildVersion.describe() + "\n");
        }
    }

    /** Two builds of one release are told apart by the commit the build recorded: this checkout's own. */
    @Test
    void the_version_names_the_commit_the_build_came_from() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes()).strip();
        assertThat(git.waitFor()).as("git rev-parse HEAD: " + head).isZero();

        Matcher named = Pattern.compile("Mission Control 0\\.1\\.0 \\(commit ([0-9a-f]{7,})( with local changes)?, "
                + "\\d{4}-\\d{2}-\\d{2}\\)").matcher(BuildVersion.describe());

        assertThat(named.matches()).as(BuildVersion.describe()).isTrue();
        assertThat(head).startsWith(named.group(1));
    }

    /**
     * A flag's help says what it is for, and names the variable that sets it too: a person reading {@code --help}
     * finds every setting there, as the README's table lists them.
     */
    @Test
    void every_flag_has_help_that_names_its_environment_variable() {
        List<String> missing = new ArrayList<>();
        collectUnexplained(Main.commandLine().setInterpolateVariables(false), missing);
        assertThat(missing).isEmpty();
    }

    private static void collectUnexplained(CommandLine command, List<String> missing) {
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = command.getCommandSpec().qualifiedName() + " " + option.longestName();
            String help = String.join(" ", option.description());
            Matcher variable = Pattern.compile("\\$\\{env:(\\w+)").matcher(String.valueOf(option.defaultValue()));
            if (help.isBlank()) {
                missing.add(name + ": no description");
            } else if (variable.find() && !help.contains(variable.group(1))) {
                missing.add(name + ": does not name " + variable.group(1));
            }
        }
        command.getSubcommands().values().forEach(sub -> collectUnexplained(sub, missing));
    }
}
