package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void the_warm_up_flag_reaches_the_monitor_and_defaults_to_none() {
        ServeCommand set = new ServeCommand();
        new CommandLine(set).parseArgs("--bake", "45m", "--monitor-warmup", "90s");
        assertThat(set.config().runtime().warmup()).isEqualTo(Duration.ofSeconds(90));
        assertThat(set.config().runtime().bake()).isEqualTo(Duration.ofMinutes(45));

        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        assertThat(unset.config().runtime().warmup()).isEqualTo(Duration.ZERO);
    }

    @Test
    void a_flag_the_monitor_cannot_use_is_a_usage_error_with_its_reason_not_a_stack_trace() {
        assertUsageError(new String[] {"--bake", "1m", "--monitor-warmup", "1m"},
                "the warm-up (1m) must be at least 0 and shorter than the bake time (1m)");
        assertUsageError(new String[] {"--bake", "soon"}, "not a duration");
    }

    @Test
    void a_duration_too_long_for_its_flag_is_a_usage_error_not_an_overflow() {
        assertUsageError(new String[] {"--bake", "9999999999999999h"}, "too long a duration");
        assertUsageError(new String[] {"--monitor-schedule", "9999999999999999h"}, "too long a duration");
        assertUsageError(new String[] {"--prometheus-step", "9999999999999999h"}, "too long a duration");
        assertUsageError(new String[] {"--bake", "25h"}, "--bake must be at most 24h");
    }

    private static void assertUsageError(String[] args, String reason) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true)).execute(args);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(reason).contains("Usage: ").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
