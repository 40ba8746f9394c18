package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.missioncontrol.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JudgeCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void prints_the_verdict_as_one_json_line() throws IOException {
        Path before = file("before.csv", "timestamp,errors\n1,0\n2,1\n3,0\n4,0\n5,1\n6,0\n7,0\n8,0\n");
        Path after = file("after.txt", "7\n9\n8\n\n6\n9\n8\n7\n");

        int exit = run(new JudgeCommand(Clock.fixed(NOW, ZoneOffset.UTC)),
                "--baseline", before.toString(), "--current", after.toString(), "--name", "http_errors");

        assertThat(exit).as("degraded, as missionctl deploy --wait exits on it").isEqualTo(3);
        assertThat(out.toString().lines()).hasSize(1);
        JsonNode verdict = new ObjectMapper().readTree(out.toString());
        assertThat(verdict.path("state").asText()).isEqualTo("degraded");
        assertThat(verdict.path("decided_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
        JsonNode metric = verdict.path("checks").path(0).path("metrics").path(0);
        assertThat(metric.path("name").asText()).isEqualTo("http_errors");
        assertThat(metric.path("result").asText()).isEqualTo("high");
        assertThat(metric.path("direction").asText()).isEqualTo("increase");
        assertThat(metric.path("p_value").asDouble()).isLessThan(0.02);
        assertThat(metric.path("ratio").asDouble()).isCloseTo((54.0 / 7) / (2.0 / 8), within(1e-9));
    }

    @Test
    void weighs_the_move_against_the_history_it_is_given() throws IOException {
        // Errors that step from about 1 to about 3 every twenty samples: the deploy's step is one of many.
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            history.append((i / 10) % 2 == 0 ? 1 + i % 3 * 0.1 : 3 + i % 3 * 0.1).append('\n');
        }
        Path before = file("before.txt", "1\n1.1\n1.2\n1\n1.1\n1.2\n1\n1.1\n1.2\n1\n");
        Path after = file("after.txt", "3\n3.1\n3.2\n3\n3.1\n3.2\n3\n3.1\n3.2\n3\n");
        Path earlier = file("history.txt", history.toString());
        String[] args = {"--baseline", before.toString(), "--current", after.toString(), "--name", "error_rate"};

        run(new JudgeCommand(), args);
        String without = out.toString();
        out.getBuffer().setLength(0);
        int exit = run(new JudgeCommand(), concat(args, "--history", earlier.toString()));

        assertThat(new ObjectMapper().readTree(without).path("state").asText()).isEqualTo("degraded");
        assertThat(exit).isZero();
        JsonNode verdict = new ObjectMapper().readTree(out.toString());
        assertThat(verdict.path("state").asText()).isEqualTo("healthy");
        JsonNode earlierWindows = verdict.at("/checks/0/metrics/0/earlier_windows");
        assertThat(earlierWindows.path("pairs").asInt()).isGreaterThanOrEqualTo(EarlierWindows.MIN_PAIRS);
        assertThat(earlierWindows.path("as_large").asInt()).isPositive();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void is_reachable_as_a_missionctl_subcommand() throws IOException {
        Path same = file("latency.csv", "10\n11\n12\n10\n11\n");

        int exit = run(new Main(), "judge", "--baseline", same.toString(), "--current", same.toString(),
                "--direction", "increase");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).singleElement().asString().startsWith("{\"state\":\"healthy\"");
    }

    @Test
    void too_few_samples_are_inconclusive_with_its_own_exit_code() throws IOException {
        Path two = file("latency.csv", "10\n11\n");

        int exit = run(new JudgeCommand(), "--baseline", two.toString(), "--current", two.toString());

        assertThat(new ObjectMapper().readTree(out.toString()).path("state").asText()).isEqualTo("inconclusive");
        assertThat(exit).isEqualTo(4);
    }

    @Test
    void a_regression_on_three_samples_a_side_is_inconclusive_and_says_why() throws IOException {
        Path before = file("before.txt", "0.10\n0.11\n0.09\n");
        Path after = file("after.txt", "1.0\n1.1\n1.2\n");

        int exit = run(new JudgeCommand(), "--baseline", before.toString(), "--current", after.toString(),
                "--name", "latency_seconds");

        assertThat(exit).isEqualTo(4);
        JsonNode metric = new ObjectMapper().readTree(out.toString()).at("/checks/0/metrics/0");
        assertThat(metric.path("result").asText()).isEqualTo("nodata");
        assertThat(metric.path("reason").asText()).startsWith("too few samples to pass");
    }

    @Test
    void rejects_a_file_with_a_word_among_the_numbers() throws IOException {
        Path good = file("good.txt", "1\n2\n3\n");
        Path bad = file("bad.txt", "1\n2\nthree\n");

        int exit = run(new JudgeCommand(), "--baseline", good.toString(), "--current", bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("bad.txt line 3: not a number: 'three'");
    }

    @Test
    void nan_or_infinity_is_an_error_naming_its_line_also_on_the_first() throws IOException {
        Path good = file("good.txt", "1\n2\n3\n");
        String[] broken = {"NaN\n1\n2\n3\n4\n", "Infinity\n1\n2\n3\n", "t,value\n1,2\n2,-inf\n", "1\n1e400\n2\n"};
        String[] said = {"line 1: 'NaN' is not a finite number", "line 1: 'Infinity' is not a finite number",
                "line 3: '-inf' is not a finite number", "line 2: '1e400' is beyond the largest number a double holds"};

        for (int i = 0; i < broken.length; i++) {
            Path bad = file("bad" + i + ".txt", broken[i]);
            int exit = run(new JudgeCommand(), "--baseline", bad.toString(), "--current", good.toString());

            assertThat(exit).as(broken[i]).isEqualTo(2);
            assertThat(err.toString()).contains(bad + " " + said[i]);
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_header_is_text_that_does_not_look_like_a_number() throws Exception {
        assertThat(SampleFile.read(file("p95.csv", "p95\n4\n5\n"))).containsExactly(4, 5);
        for (String sample : new String[] {"10d", "0x1p3", "-.5ms", "1,5.5.5"}) {
            Path broken = file("broken.txt", sample + "\n4\n5\n");
            assertThatThrownBy(() -> SampleFile.read(broken)).as(sample).hasMessageContaining("line 1: not a number");
        }
    }

    @Test
    void samples_near_the_largest_double_are_judged_and_their_json_carries_numbers() throws IOException {
        Path before = file("before.txt", "1e308\n1.5e308\n1.7e308\n1.2e308\n1.6e308\n");
        Path after = file("after.txt", "1e308\n1.7e308\n1.79e308\n1.78e308\n1.75e308\n");

        run(new JudgeCommand(), "--baseline", before.toString(), "--current", after.toString(), "--name", "latency");

        assertThat(out.toString()).doesNotContain("Infinity").doesNotContain("NaN");
        JsonNode metric = new ObjectMapper().readTree(out.toString()).at("/checks/0/metrics/0");
        assertThat(metric.path("baseline").asDouble()).isCloseTo(1.4e308, within(1e294));
        assertThat(metric.path("current").asDouble()).isCloseTo(1.604e308, within(1e294));
        assertThat(metric.path("ratio").asDouble()).isCloseTo(1.604 / 1.4, within(1e-9));
        assertThat(metric.path("effect").isNumber()).isTrue();
    }

    @Test
    void reads_a_spreadsheet_export_with_a_byte_order_mark_and_a_header_after_blank_lines() throws Exception {
        assertThat(SampleFile.read(file("bom.txt", "\uFEFF4\n5\n6\n7\n"))).containsExactly(4, 5, 6, 7);
        assertThat(SampleFile.read(file("bom.csv", "\uFEFFtimestamp,value\n1,4\n2,5\n"))).containsExactly(4, 5);
        assertThat(SampleFile.read(file("blank-first.csv", "\n\ntimestamp,value\n1,4\n"))).containsExactly(4);
    }

    @Test
    void reads_semicolons_tabs_and_quoted_cells_and_refuses_decimal_commas_rather_than_misreading_them()
            throws Exception {
        assertThat(SampleFile.read(file("semi.csv", "Zeit;Wert\n01.01.2024 00:00;0.5\n01.01.2024 00:01;0.7\n")))
                .containsExactly(0.5, 0.7);
        assertThat(SampleFile.read(file("tabs.tsv", "time\tp95\n1\t4\n2\t5\n"))).containsExactly(4, 5);
        assertThat(SampleFile.read(file("quoted.csv", "\"when, local\",value\n\"Jan 1, 10:00\",\"4\"\n")))
                .containsExactly(4);

        Path european = file("european.csv", "Zeit;Wert\n01.01.2024 00:00;0,493\n");
        assertThatThrownBy(() -> SampleFile.read(european))
                .hasMessageContaining("line 2: not a number: '0,493'; write decimals with a point");
        Path headless = file("headless.csv", "2024-06-01T10:00;0,52\n2024-06-01T10:01;0,61\n");
        assertThatThrownBy(() -> SampleFile.read(headless))
                .hasMessageContaining("line 1: not a number: '0,52'; write decimals with a point");
        Path headed = file("headed.txt", "latency\n0,5\n0,51\n");
        assertThatThrownBy(() -> SampleFile.read(headed))
                .hasMessageContaining("line 2: 2 cells where line 1 has 1");
    }

    /** A file far larger than any window is refused in a line, not read whole until the memory runs out. */
    @Test
    void a_file_of_more_samples_than_it_takes_is_refused_and_a_long_bad_cell_is_not_repeated_whole()
            throws Exception {
        Path many = file("many.txt", "1.5\n".repeat(5_000));
        assertThat(SampleFile.read(many, 5_000)).hasSize(5_000);
        assertThatThrownBy(() -> SampleFile.read(many, 4_999)).hasMessage(many + ": more than 4999 samples; judge a "
                + "window of them (a deploy monitor's windows hold a few hundred)");
        Path wide = file("wide.txt", "4\n" + "x".repeat(60_000) + "\n");
        assertThatThrownBy(() -> SampleFile.read(wide)).hasMessageContaining("line 2: not a number: 'xxx")
                .message().hasSizeLessThan(300);
        Path endless = file("endless.bin", "4\r\n5\r\n" + "7".repeat(70_000));
        assertThatThrownBy(() -> SampleFile.read(endless)).hasMessage(endless + " line 3: longer than 65536 "
                + "characters; a line holds one sample");
        assertThat(SampleFile.read(file("crlf.txt", "4\r\n5\r\n"))).containsExactly(4, 5);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_saying_so() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "Latenz (\u00b5s)\n4\n5\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SampleFile.read(latin1)).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void rejects_a_missing_or_empty_file() throws IOException {
        Path empty = file("empty.csv", "timestamp,value\n");

        assertThat(run(new JudgeCommand(), "--baseline", empty.toString(), "--current", empty.toString())).isEqualTo(2);
        assertThat(run(new JudgeCommand(), "--baseline", dir.resolve("gone.csv").toString(),
                "--current", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no samples").contains("no such file");
    }

    @Test
    void rejects_an_unknown_direction() throws IOException {
        Path same = file("x.txt", "1\n2\n3\n");

        int exit = run(new JudgeCommand(), "--baseline", same.toString(), "--current", same.toString(),
                "--direction", "sideways");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("increase, decrease or either");
    }
}
