package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogsCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new LogsCommand()).execute(args);
            assertThat(exit).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prints_one_quoted_csv_row_per_input_line_with_the_given_format() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "1 INFO a: took 5 ms, ok\r\n2 INFO a: took 7 ms, ok\r\nnot matching\r\n");
        String csv = run("templates", log.toString(), "--format", "<Pid> <Level> <Component>: <Content>");
        assertThat(csv.lines()).containsExactly(
                "LineId,EventId,EventTemplate",
                "1,E1,\"took <*>, ok\"",
                "2,E1,\"took <*>, ok\"",
                "3,E2,not matching");
    }

    @Test
    void gives_every_line_of_a_stack_trace_its_event_template_without_a_format() throws Exception {
        Path log = dir.resolve("trace.log");
        Files.writeString(log, "ERROR failed 1\n\tat x.Y.z(Y.java:1)\n\nINFO fine\n");
        String csv = run("templates", log.toString());
        assertThat(csv.lines()).hasSize(5);
        assertThat(csv.lines().skip(1).map(row -> row.split(",")[1]).toList())
                .containsExactly("E1", "E1", "E2", "E3");
    }

    @Test
    void summarises_errors_with_their_first_occurrence() throws Exception {
        Path log = dir.resolve("svc.log");
        Files.writeString(log, """
                2024-01-01T00:00:00Z INFO ready
                2024-01-01T00:00:03Z ERROR upstream 10.0.0.9:443 refused
                2024-01-01T00:00:04Z ERROR upstream 10.0.0.7:443 refused
                """);
        String summary = run("summary", log.toString());
        assertThat(summary).contains("3 events").contains("2 errors")
                .contains("ERROR x2  first 2024-01-01T00:00:03Z (line 2)  upstream <*> refused");
    }

    @Test
    void a_missing_file_or_a_directory_is_one_line_on_stderr_and_exit_1() {
        PrintStream original = System.err;
        for (String file : new String[] {dir.resolve("nonexistent.log").toString(), dir.toString()}) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            java.io.StringWriter picocliErr = new java.io.StringWriter();
            try {
                int exit = new CommandLine(new LogsCommand()).setErr(new java.io.PrintWriter(picocliErr, true))
                        .execute("summary", file);
                assertThat(exit).isEqualTo(1);
            } finally {
                System.setErr(original);
            }
            String err = captured.toString(StandardCharsets.UTF_8) + picocliErr;
            assertThat(err.strip().lines()).hasSize(1);
            assertThat(err).contains(file).containsAnyOf("does not exist", "is a directory")
                    .doesNotContain("Exception");
        }
    }
}
