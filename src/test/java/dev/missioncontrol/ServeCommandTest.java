package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
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
        assertUsageError(new String[] {"--drain", "soon"}, "not a duration");
        assertUsageError(new String[] {"--drain", "10m"}, "--drain must be at most 5m");
    }

    @Test
    void body_limits_and_write_budgets_are_flags_with_the_api_contract_as_defaults() {
        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        assertThat(unset.config().limits()).isEqualTo(AppConfig.Limits.defaults());

        ServeCommand set = new ServeCommand();
        new CommandLine(set).parseArgs("--max-body", "512KiB", "--max-session-body", "1GiB", "--writes-per-minute",
                "150", "--write-burst", "25", "--trusted-proxies", "10.0.0.0/8");
        assertThat(set.config().limits()).isEqualTo(new AppConfig.Limits(512L << 10, 1L << 30, 150, 25,
                List.of("10.0.0.0/8")));
    }

    @Test
    void the_llm_timeout_is_a_flag_of_a_minute_by_default() {
        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        assertThat(unset.config().llm().timeout()).isEqualTo(Duration.ofSeconds(60));
        ServeCommand set = new ServeCommand();
        new CommandLine(set).parseArgs("--llm-timeout", "3m");
        assertThat(set.config().llm().timeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void a_limit_the_server_cannot_use_is_a_usage_error() {
        assertUsageError(new String[] {"--max-body", "lots"}, "not a size: 'lots'");
        assertUsageError(new String[] {"--max-body", "2GiB"}, "--max-body must be from 1KiB to 1GiB, not 2GiB");
        assertUsageError(new String[] {"--max-body", "8MiB", "--max-session-body", "4MiB"},
                "--max-session-body (4 MiB) must be at least --max-body (8 MiB)");
        assertUsageError(new String[] {"--writes-per-minute", "0"}, "--writes-per-minute must be from 1 to 1000000");
    }

    @Test
    void the_database_pool_size_is_a_flag_whose_default_depends_on_the_database() {
        ServeCommand unset = new ServeCommand();
        new CommandLine(unset).parseArgs();
        assertThat(unset.config().dbPoolSize()).isZero();
        ServeCommand set = new ServeCommand();
        new CommandLine(set).parseArgs("--db-pool-size", "6");
        assertThat(set.config().dbPoolSize()).isEqualTo(6);
        assertUsageError(new String[] {"--db-pool-size", "-1"}, "--db-pool-size must be from 1 to 1000");
    }

    /** Values that would start a server that never works are refused before anything opens. */
    @Test
    void values_a_running_server_could_not_use_are_usage_errors() {
        assertUsageError(new String[] {"--concurrency", "0"}, "--concurrency must be at least 1");
        assertUsageError(new String[] {"--port", "70000"}, "--port must be from 0 to 65535");
        assertUsageError(new String[] {"--base-url", "not-a-url"},
                "--base-url must be an http:// or https:// URL, not not-a-url");
        assertUsageError(new String[] {"--prometheus-url", "ftp://x"}, "--prometheus-url must be an http://");
        assertUsageError(new String[] {"--prometheus-step", "0s"}, "--prometheus-step must be longer than 0s");
        assertUsageError(new String[] {"--sqlite-synchronous", "MAYBE"}, "--sqlite-synchronous must be FULL or NORMAL");
        assertUsageError(new String[] {"--llm-provider", "openai", "--llm-timeout", "0s"},
                "--llm-timeout must be longer than 0s");
    }

    private static void assertUsageError(String[] args, String reason) {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true)).execute(args);
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith(reason).contains("Usage: ").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }
}
