package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class UnexpectedFailureTest {

    @Command(name = "breaks")
    static final class Breaks implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the disk is full\nat some.internal.Place");
        }
    }

    @Test
    void a_failure_no_command_foresaw_is_one_line_without_a_stack_trace() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Breaks()).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new UnexpectedFailure(false)).execute();
        assertThat(exit).isEqualTo(UnexpectedFailure.EXIT);
        assertThat(err.toString().strip()).isEqualTo("breaks: the disk is full (set MC_DEBUG=1 for the details)");
    }

    @Test
    void with_debug_the_stack_trace_follows_the_line() {
        StringWriter err = new StringWriter();
        new CommandLine(new Breaks()).setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new UnexpectedFailure(true)).execute();
        assertThat(err.toString()).startsWith("breaks: the disk is full").contains("\tat ");
    }

    @Test
    void the_launcher_command_line_answers_unexpected_failures_that_way() {
        assertThat(Main.commandLine().getExecutionExceptionHandler()).isInstanceOf(UnexpectedFailure.class);
    }
}
