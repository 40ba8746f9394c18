package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java servers' default log formats, and lines wrapped by a container runtime or Docker's json-file driver. */
class JavaAndContainerLogsTest {

    private static List<LogRecord> read(String text) {
        List<LogRecord> events = new ArrayList<>();
        new LogReader(new StringReader(text), 2026).forEachRemaining(events::add);
        return events;
    }

    @Test
    void reads_tomcats_catalina_out_with_its_level_and_joins_the_stack_trace() {
        List<LogRecord> events = read("""
                30-Nov-2026 13:15:00.123 INFO [main] org.apache.catalina.startup.Catalina.start Server startup
                30-Nov-2026 13:16:02.456 SEVERE [http-nio-8080-exec-3] o.a.c.c.StandardWrapperValve.invoke threw
                java.lang.NullPointerException: Cannot invoke "Order.getId()" because "order" is null
                \tat com.acme.OrderService.place(OrderService.java:42)
                30-Nov-2026 13:16:05.001 WARNING [http-nio-8080-exec-4] o.a.t.u.n.NioEndpoint.run Connection reset
                """);

        assertThat(events).extracting(LogRecord::level).containsExactly("INFO", "ERROR", "WARN");
        assertThat(events.get(1).component()).isEqualTo("o.a.c.c.StandardWrapperValve.invoke");
        assertThat(events.get(1).message()).isEqualTo("threw");
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-30T13:16:02.456Z"));
        assertThat(events.get(1).lineCount()).isEqualTo(3);
    }

    @Test
    void reads_java_util_loggings_two_line_record_as_one_event_with_its_time_level_and_trace() {
        List<LogRecord> events = read("""
                Nov 30, 2026 1:15:00 PM com.acme.Main start
                INFO: Server started on port 8080
                Nov 30, 2026 1:16:02 PM com.acme.OrderService place
                SEVERE: Order placement failed
                java.net.ConnectException: Connection refused
                \tat com.acme.OrderService.place(OrderService.java:42)
                Nov 30, 2026 1:16:05 AM com.acme.OrderService place
                WARNING: retrying in 5s
                """);

        assertThat(events).extracting(LogRecord::level).containsExactly("INFO", "ERROR", "WARN");
        assertThat(events).extracting(LogRecord::message)
                .containsExactly("Server started on port 8080", "Order placement failed", "retrying in 5s");
        LogRecord failure = events.get(1);
        assertThat(failure.timestamp()).isEqualTo(Instant.parse("2026-11-30T13:16:02Z"));
        assertThat(failure.component()).isEqualTo("com.acme.OrderService");
        assertThat(failure.lineCount()).isEqualTo(4);
        assertThat(events.get(2).timestamp()).isEqualTo(Instant.parse("2026-11-30T01:16:05Z"));
    }

    @Test
    void a_level_line_after_any_other_timed_line_starts_an_event_of_its_own() {
        List<LogRecord> events = read("""
                2026-11-30 13:16:02 deploy started
                WARNING: config file is world-readable
                """);

        assertThat(events).hasSize(2);
        assertThat(events.get(1).level()).isEqualTo("WARN");
    }

    @Test
    void reads_the_program_line_behind_a_container_runtimes_prefix() {
        List<LogRecord> events = read("""
                2026-11-30T13:15:00.123456789Z stdout F {"level":"info","msg":"started"}
                2026-11-30T13:16:00.5Z stderr F {"level":"error","msg":"db timeout","caller":"db.go:12"}
                2026-11-30T13:17:00.000000001+01:00 stderr F 2026-11-30 12:17:00,001 ERROR [main] c.a.Pay - declined
                2026-11-30T13:17:00.000000002+01:00 stderr F java.lang.IllegalStateException: gateway down
                2026-11-30T13:17:00.000000003+01:00 stderr F \tat com.acme.Pay.charge(Pay.java:10)
                2026-11-30T13:17:01Z stdout F\040
                2026-11-30T13:17:02Z stdout F plain words
                """);

        assertThat(events).extracting(LogRecord::level).containsExactly("INFO", "ERROR", "ERROR", null);
        assertThat(events).extracting(LogRecord::message)
                .containsExactly("started", "db timeout", "declined", "plain words");
        LogRecord declined = events.get(2);
        assertThat(declined.timestamp()).isEqualTo(Instant.parse("2026-11-30T12:17:00.000000001Z"));
        assertThat(declined.zoneAssumed()).isFalse();
        assertThat(declined.component()).isEqualTo("c.a.Pay");
        assertThat(declined.lineCount()).isEqualTo(3);
        assertThat(events.get(1).component()).isEqualTo("db.go:12");
    }

    @Test
    void reads_the_level_of_a_line_docker_wrapped_in_json_and_keeps_the_records_time() {
        List<LogRecord> events = read("""
                {"log":"2026-11-30 13:16:00 ERROR [main] c.a.Pay - card declined\\n","stream":"stderr","time":"2026-11-30T13:16:00.1Z"}
                {"log":"GET /api/orders 503 30012ms\\n","stream":"stdout","time":"2026-11-30T13:16:01Z"}
                {"log":"plain text line\\n","stream":"stdout","time":"2026-11-30T13:16:02Z"}
                {"message":"WARN: slow query","level":"info"}
                """);

        assertThat(events).extracting(LogRecord::level).containsExactly("ERROR", "ERROR", null, "INFO");
        assertThat(events.get(0).message()).isEqualTo("card declined");
        assertThat(events.get(0).component()).isEqualTo("c.a.Pay");
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-30T13:16:00.1Z"));
        assertThat(events.get(2).message()).isEqualTo("plain text line");
        assertThat(events.get(3).message()).isEqualTo("WARN: slow query");
    }
}
