package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON records printed over several lines, as {@code json.dumps(record, indent=2)} and {@code jq} write them. */
class PrintedJsonTest {

    private static List<LogRecord> read(String text) {
        List<LogRecord> events = new ArrayList<>();
        new LogReader(new StringReader(text), 2024).forEachRemaining(events::add);
        return events;
    }

    @Test
    void a_record_printed_over_several_lines_is_one_event_read_as_a_one_line_record() {
        List<LogRecord> events = read("""
                {
                  "time": "2024-05-01T00:00:01Z",
                  "level": "info",
                  "msg": "ledger sync started"
                }
                {
                  "time": "2024-05-01T00:00:09Z",
                  "level": "fatal",
                  "logger": "ledger",
                  "ctx": {"attempts": 5, "hosts": ["a", "b"]},
                  "msg": "ledger unreachable, giving up"
                }
                """);

        assertThat(events).extracting(LogRecord::lineNo).containsExactly(1L, 6L);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(5, 7);
        assertThat(events).extracting(LogRecord::level).containsExactly("INFO", "FATAL");
        assertThat(events).extracting(LogRecord::message)
                .containsExactly("ledger sync started", "ledger unreachable, giving up");
        LogRecord fatal = events.get(1);
        assertThat(fatal.timestamp()).isEqualTo(Instant.parse("2024-05-01T00:00:09Z"));
        assertThat(fatal.component()).isEqualTo("ledger");
        assertThat(fatal.raw()).startsWith("{\n  \"time\"").endsWith("giving up\"\n}");
    }

    @Test
    void braces_and_escaped_quotes_inside_strings_do_not_close_the_record() {
        List<LogRecord> events = read("""
                {
                  "level": "error",
                  "msg": "template {name} not closed: \\"} {"
                }
                2024-05-01T00:00:10Z INFO api - next
                """);

        assertThat(events).extracting(LogRecord::lineNo).containsExactly(1L, 5L);
        assertThat(events.get(0).message()).isEqualTo("template {name} not closed: \"} {");
        assertThat(events.get(0).isError()).isTrue();
    }

    @Test
    void an_array_of_records_as_jq_slurps_them_is_one_event_per_record() {
        List<LogRecord> events = read("""
                [
                  {
                    "level": "warn",
                    "msg": "ledger slow"
                  },
                  {
                    "level": "fatal",
                    "msg": "ledger unreachable"
                  }
                ]
                """);

        assertThat(events).extracting(LogRecord::lineNo).containsExactly(2L, 6L);
        assertThat(events).extracting(LogRecord::level).containsExactly("WARN", "FATAL");
    }

    @Test
    void braces_that_balance_around_no_json_are_read_line_by_line_as_before() {
        List<LogRecord> events = read("""
                {
                  not json
                }
                2024-05-01T00:00:10Z ERROR api - after the braces
                """);

        assertThat(events).extracting(LogRecord::lineNo).containsExactly(1L, 3L, 4L);
        assertThat(events).extracting(LogRecord::raw).containsExactly("{\n  not json", "}",
                "2024-05-01T00:00:10Z ERROR api - after the braces");
    }

    @Test
    void json_lines_cut_short_stay_one_event_each() {
        List<LogRecord> events = read("""
                {"level":"error","msg":"cut short
                {"level":"error","msg":"cut short too
                {"level":"error","msg":"whole"}
                """);

        assertThat(events).extracting(LogRecord::lineNo).containsExactly(1L, 2L, 3L);
        assertThat(events.get(2).level()).isEqualTo("ERROR");
    }

    @Test
    void a_brace_that_never_closes_does_not_swallow_the_rest_of_the_log() {
        StringBuilder log = new StringBuilder("{\"level\":\"info\",\"msg\":\"cut short\"\n");
        for (int i = 0; i < PrintedJson.MAX_LINES + 10; i++) {
            log.append("  \"field").append(i).append("\": 1,\n");
        }
        log.append("2024-05-01T00:00:10Z ERROR api - after the open brace\n}\n");

        List<LogRecord> events = read(log.toString());

        assertThat(events.get(0).lineCount()).isEqualTo(PrintedJson.MAX_LINES + 11);
        assertThat(events.get(1).lineNo()).isEqualTo(PrintedJson.MAX_LINES + 12);
        assertThat(events.get(1).level()).isEqualTo("ERROR");
    }
}
