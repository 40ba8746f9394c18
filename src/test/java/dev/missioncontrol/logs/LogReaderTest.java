package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReaderTest {

    private static List<LogRecord> read(String text) {
        List<LogRecord> events = new ArrayList<>();
        new LogReader(new StringReader(text), 2024).forEachRemaining(events::add);
        return events;
    }

    private static LogRecord only(String line) {
        List<LogRecord> events = read(line);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void detects_rfc3339_timestamp_level_and_message() {
        LogRecord e = only("2024-03-05T10:15:30.250+02:00 WARN disk almost full");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-03-05T08:15:30.250Z"));
        assertThat(e.level()).isEqualTo("WARN");
        assertThat(e.message()).isEqualTo("disk almost full");
    }

    @Test
    void reads_timestamp_without_zone_as_utc_with_comma_millis() {
        LogRecord e = only("2024-01-01 12:00:00,123 INFO started");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-01-01T12:00:00.123Z"));
    }

    @Test
    void says_which_times_named_no_zone_and_were_read_as_utc() {
        assertThat(only("2024-01-01 12:00:00,123 INFO started").zoneAssumed()).isTrue();
        assertThat(only("I0101 12:00:00.000001 1 server.go:10] started").zoneAssumed()).isTrue();
        assertThat(only("{\"time\":\"2024-01-01T12:00:00\",\"level\":\"info\",\"msg\":\"started\"}").zoneAssumed())
                .isTrue();
        assertThat(only("2024-03-05T10:15:30.250+02:00 WARN disk almost full").zoneAssumed()).isFalse();
        assertThat(only("2024-03-05T10:15:30Z [123] ERROR:  relation missing").zoneAssumed()).isFalse();
        assertThat(only("10.0.0.1 - - [10/Oct/2024:13:55:36 -0700] \"GET / HTTP/1.1\" 500 12").zoneAssumed()).isFalse();
        assertThat(only("{\"ts\":1704110400.5,\"level\":\"info\",\"msg\":\"started\"}").zoneAssumed()).isFalse();
        assertThat(only("started without any time").zoneAssumed()).isFalse();
    }

    @Test
    void detects_log4j_level_thread_and_logger() {
        LogRecord e = only("2024-01-01 12:00:00,123 ERROR [main-7] com.foo.Bar - connection refused");
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.component()).isEqualTo("com.foo.Bar");
        assertThat(e.message()).isEqualTo("connection refused");
    }

    @Test
    void reads_the_compact_dates_of_hdfs_healthapp_and_android_logs() {
        LogRecord hdfs = only("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating");
        assertThat(hdfs.timestamp()).isEqualTo(Instant.parse("2008-11-09T20:36:15Z"));
        assertThat(hdfs.level()).isEqualTo("INFO");
        assertThat(hdfs.component()).isEqualTo("dfs.DataNode$PacketResponder");
        LogRecord health = only("20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579");
        assertThat(health.timestamp()).isEqualTo(Instant.parse("2017-12-23T22:15:29.606Z"));
        assertThat(health.component()).isEqualTo("Step_LSC");
        assertThat(health.message()).as("the process id is header").isEqualTo("onStandStepChanged 3579");
        assertThat(only("20171224-0:28:0:83|Step_LSC|30002312|processHandleBroadcastAction").timestamp())
                .as("unpadded parts, and the millis a count").isEqualTo(Instant.parse("2017-12-24T00:28:00.083Z"));
        LogRecord android = only("03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs");
        assertThat(android.timestamp()).isEqualTo(Instant.parse("2024-03-17T16:13:38.811Z"));
    }

    @Test
    void six_digit_numbers_that_are_no_date_leave_the_line_untimed() {
        assertThat(only("123456 654321 rows copied").timestamp()).isNull();
        assertThat(only("081109 2036150 rows copied").timestamp()).isNull();
        assertThat(only("0000-01-01T00:00:00Z ERROR placeholder clock").timestamp()).as("no year 0").isNull();
        LogRecord copied = only("copied 120512 101010 rows");
        assertThat(copied.timestamp()).as("numbers inside a line").isNull();
        assertThat(copied.message()).isEqualTo("copied 120512 101010 rows");
        assertThat(only("INFO disk 99 120315 153022 free").level()).isEqualTo("INFO");
        assertThat(only("retrying 01-02 10:00:00 schedule").timestamp()).isNull();
    }

    @Test
    void detects_syslog_program_and_takes_the_reference_year() {
        LogRecord e = only("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; uid=0");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-06-14T15:16:01Z"));
        assertThat(e.component()).isEqualTo("sshd(pam_unix)");
        assertThat(e.message()).isEqualTo("authentication failure; uid=0");
    }

    @Test
    void keeps_a_syslog_program_apart_from_a_level_where_a_host_would_stand() {
        LogRecord sshd = only("Dec 10 06:55:46 web-1 sshd[24200]: Failed password for root from 10.0.0.9 port 22");
        assertThat(sshd.component()).isEqualTo("sshd");
        assertThat(sshd.level()).isNull();
        assertThat(sshd.message()).isEqualTo("Failed password for root from 10.0.0.9 port 22");
        LogRecord disk = only("2026-11-29 18:05:01 web-1 ERROR: disk full");
        assertThat(disk.level()).as("no program is named after a level").isEqualTo("ERROR");
        assertThat(disk.component()).isEqualTo("web-1");
        assertThat(disk.message()).isEqualTo("disk full");
    }

    @Test
    void reads_postgresql_severities_after_its_default_prefix() {
        List<LogRecord> events = read("""
                2026-11-29 18:05:01.123 UTC [102] ERROR:  duplicate key value violates unique constraint "orders_pkey"
                2026-11-29 18:05:01.123 UTC [102] DETAIL:  Key (id)=(42) already exists.
                2026-11-29 18:05:01.123 UTC [102] STATEMENT:  INSERT INTO orders VALUES (42)
                2026-11-29 18:05:02.001 UTC [77] FATAL:  remaining connection slots are reserved for \
                non-replication superuser connections
                2026-11-29 18:05:03.000 UTC [12] PANIC:  could not write to file "pg_wal/xlogtemp.12": No space left
                2026-11-29 18:05:04.000 UTC [12] LOG:  checkpoint starting: time
                2026-11-29 18:05:05.000 UTC [12] WARNING:  could not flush dirty data: Bad file descriptor
                2026-11-29 18:05:06.000 UTC [88] app@orders ERROR:  canceling statement due to statement timeout
                2026-11-29 18:05:07.000 UTC [13] DEBUG2:  autovacuum: processing database "orders"
                """);
        assertThat(events).extracting(LogRecord::level)
                .containsExactly("ERROR", "FATAL", "FATAL", "INFO", "WARN", "ERROR", "DEBUG");
        assertThat(events).extracting(LogRecord::component).containsOnlyNulls();
        assertThat(events.get(0).message()).isEqualTo("duplicate key value violates unique constraint \"orders_pkey\"");
        assertThat(events.get(0).lineCount()).as("its DETAIL and STATEMENT").isEqualTo(3);
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-29T18:05:02.001Z"));
        assertThat(events.get(5).message()).isEqualTo("canceling statement due to statement timeout");
    }

    @Test
    void reads_the_level_and_logger_of_python_logging_without_a_format() {
        List<LogRecord> events = read("""
                ERROR:app.db:connection lost
                WARNING:root:retrying
                CRITICAL:app.payments:provider returned HTTP 503
                INFO:app.worker:batch done
                """);
        assertThat(events).extracting(LogRecord::level).containsExactly("ERROR", "WARN", "FATAL", "INFO");
        assertThat(events).extracting(LogRecord::component)
                .containsExactly("app.db", "root", "app.payments", "app.worker");
        assertThat(events.get(0).message()).isEqualTo("connection lost");
        assertThat(only("NOTE:this is:no level").level()).isNull();
    }

    @Test
    void reads_the_date_command_format_with_the_year_after_the_zone() {
        LogRecord e = only("Fri Jul 11 13:23:24 UTC 2025 ERROR: Failed to connect to database: connection timeout");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-07-11T13:23:24Z"));
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.message()).isEqualTo("Failed to connect to database: connection timeout");
    }

    @Test
    void finds_the_timestamp_after_leading_labels_and_the_level_after_the_source() {
        LogRecord e = only("- 1117838570 2005.06.03 R02-M1 2005-06-03-15.42.50.675872 R02-M1 RAS KERNEL INFO "
                + "instruction cache parity error corrected");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2005-06-03T15:42:50.675872Z"));
        assertThat(e.level()).isEqualTo("INFO");
        assertThat(e.component()).isEqualTo("KERNEL");
        assertThat(e.message()).isEqualTo("instruction cache parity error corrected");
    }

    @Test
    void finds_a_syslog_header_behind_leading_labels() {
        LogRecord e = only("- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2915]: session closed");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-11-09T12:01:01Z"));
        assertThat(e.component()).isEqualTo("crond");
        assertThat(e.message()).isEqualTo("session closed");
    }

    @Test
    void detects_klog_level_and_timestamp() {
        LogRecord e = only("E0615 12:34:56.789012   12345 controller.go:123] sync failed: timeout");
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2024-06-15T12:34:56.789012Z"));
        assertThat(e.component()).isEqualTo("controller.go");
        assertThat(e.message()).isEqualTo("sync failed: timeout");
    }

    @Test
    void derives_access_log_level_from_http_status() {
        String prefix = "10.0.0.1 - frank [10/Oct/2023:13:55:36 -0700] \"GET /a.gif HTTP/1.1\" ";
        List<LogRecord> events = read(prefix + "503 0 \"-\" \"curl\"\n" + prefix + "404 12\n" + prefix + "200 2326\n");
        assertThat(events).extracting(LogRecord::level).containsExactly("ERROR", "WARN", "INFO");
        assertThat(events.get(0).timestamp()).isEqualTo(Instant.parse("2023-10-10T20:55:36Z"));
        assertThat(events.get(1).message()).startsWith("4xx GET /a.gif HTTP/1.1 404");
    }

    @Test
    void reads_json_lines_with_common_field_names() {
        List<LogRecord> events = read("""
                {"ts":"2024-05-01T00:00:01Z","level":"error","msg":"db timeout","logger":"pool"}
                {"@timestamp":1714521602000,"severity":"WARNING","message":"slow query","service":"api"}
                """);
        assertThat(events).extracting(LogRecord::level).containsExactly("ERROR", "WARN");
        assertThat(events).extracting(LogRecord::message).containsExactly("db timeout", "slow query");
        assertThat(events).extracting(LogRecord::component).containsExactly("pool", "api");
        assertThat(events.get(1).timestamp()).isEqualTo(Instant.parse("2024-05-01T00:00:02Z"));
    }

    /** Two causes under one message are two findings, so the error beside the message is read with it. */
    @Test
    void reads_the_error_a_structured_logger_writes_beside_the_message() {
        List<LogRecord> events = read("""
                {"level":"error","msg":"query failed","error":"dial tcp 10.0.0.5:5432: connect: connection refused"}
                {"level":50,"msg":"query failed","err":{"type":"Error","message":"deadlock detected","stack":"Error: x"}}
                {"event":"charge failed","level":"error","exception":"Traceback (most recent call last):\\n  File \\"a.py\\", line 1\\nstripe.error.CardError: declined"}
                {"level":"error","msg":"upstream timeout after 5s","error":"timeout"}
                {"level":"info","msg":"served","error":""}
                """);
        assertThat(events).extracting(LogRecord::message).containsExactly(
                "query failed: dial tcp 10.0.0.5:5432: connect: connection refused",
                "query failed: deadlock detected", "charge failed: stripe.error.CardError: declined",
                "upstream timeout after 5s", "served");
    }

    @Test
    void reads_epoch_times_written_as_json_floats_to_the_millisecond() {
        List<LogRecord> events = read("""
                {"level":"error","ts":1795975471.338,"msg":"query failed"}
                {"level":"error","ts":"1795975471.338","msg":"query failed"}
                {"level":"error","ts":1795975471,"msg":"query failed"}
                {"level":"error","time":1795975471338.0,"msg":"query failed"}
                {"level":"error","time":1.795975471338E12,"msg":"query failed"}
                """);
        Instant exact = Instant.parse("2026-11-29T18:04:31.338Z");
        assertThat(events).extracting(LogRecord::timestamp)
                .containsExactly(exact, exact, Instant.parse("2026-11-29T18:04:31Z"), exact, exact);
        assertThat(only("{\"ts\":42.5,\"msg\":\"a small number is no epoch\"}").timestamp()).isNull();
    }

    @Test
    void reads_the_numeric_levels_pino_and_bunyan_write_in_the_level_field() {
        List<LogRecord> events = read("""
                {"level":60,"msg":"exiting"}
                {"level":50,"time":1795975472251,"msg":"request errored"}
                {"level":40,"msg":"slow"}
                {"level":30,"msg":"request completed"}
                {"level":20,"msg":"cache hit"}
                {"level":10,"msg":"entering"}
                {"level":35,"msg":"custom level between info and warn"}
                {"level":3,"msg":"a syslog severity is not on this scale"}
                {"level":"50","msg":"a number in quotes is no level"}
                """);
        assertThat(events).extracting(LogRecord::level)
                .containsExactly("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "INFO", null, null);
        assertThat(only("50 requests served").level()).as("a bare number outside JSON").isNull();
    }

    @Test
    void joins_stack_trace_to_first_line() {
        List<LogRecord> events = read("""
                2024-01-01 12:00:00,123 ERROR [main] com.foo.Bar - request failed
                java.lang.IllegalStateException: boom
                \tat com.foo.Bar.run(Bar.java:10)
                Caused by: java.io.IOException: pipe
                \t... 3 more
                2024-01-01 12:00:01,000 INFO [main] com.foo.Bar - recovered
                """);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).lineCount()).isEqualTo(5);
        assertThat(events.get(0).raw()).contains("Caused by: java.io.IOException: pipe");
        assertThat(events.get(0).message()).isEqualTo("request failed");
        assertThat(events.get(1).lineNo()).isEqualTo(6);
    }

    @Test
    void a_warning_takes_the_trace_of_a_bare_java_lang_exception_but_plain_error_lines_stay_apart() {
        List<LogRecord> events = read("""
                2026-11-29T22:11:45.872Z WARN  [exec-4] com.zaxxer.hikari.pool.ProxyLeakTask - Connection leak \
                detection triggered for org.postgresql.jdbc.PgConnection@5b1f29a on thread exec-3, stack trace follows
                java.lang.Exception: Apparent connection leak detected
                \tat com.acme.orders.ReportJob.export(ReportJob.java:77)
                Error: disk full
                Error: disk full
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(3, 1, 1);
    }

    @Test
    void kubectl_describe_reads_a_line_per_event_until_timestamped_logs_follow() {
        List<LogRecord> events = read("""
                Name:             checkout-7d9f8b6c4-x2k8p
                Containers:
                  checkout:
                    Last State:     Terminated
                      Reason:       OOMKilled
                Events:
                  Type     Reason   Age                From     Message
                  Warning  BackOff  2m (x25 over 60m)  kubelet  Back-off restarting failed container checkout
                2026-11-29T22:14:05Z ERROR [main] c.a.Checkout - start failed
                java.lang.IllegalStateException: no config
                \tat com.acme.Checkout.main(Checkout.java:12)
                """);
        assertThat(events).hasSize(9);
        assertThat(events.get(4).message()).isEqualTo("Reason:       OOMKilled");
        assertThat(events.get(7).level()).as("an event row's type is its level").isEqualTo("WARN");
        assertThat(events.get(8).lineCount()).as("a trace after the description is joined again").isEqualTo(3);
    }

    @Test
    void a_description_trimmed_of_its_padding_still_reads_a_line_per_event() {
        List<LogRecord> events = read("""
                Name: cart-api-7d9f-abcde
                Containers:
                  cart-api:
                    Last State: Terminated
                      Reason: OOMKilled
                      Exit Code: 137
                    Restart Count: 2
                """);
        assertThat(events).extracting(LogRecord::message).contains("Reason: OOMKilled", "Exit Code: 137",
                "Restart Count: 2");
        assertThat(events).extracting(LogRecord::lineNo).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void a_log_line_that_names_something_keeps_its_trace() {
        List<LogRecord> events = read("""
                Name: checkout
                	at com.acme.Checkout.main(Checkout.java:12)
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(2);
    }

    @Test
    void logs_without_timestamps_pasted_after_a_description_join_their_traces_again() {
        List<LogRecord> events = read("""
                Name:             checkout-7d9f8b6c4-x2k8p
                Start Time:       Sun, 29 Nov 2026 21:02:11 +0000
                    Last State:     Terminated
                      Reason:       Error
                Exception in thread "main" java.lang.IllegalStateException: no config
                \tat com.acme.Checkout.main(Checkout.java:12)
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(1, 1, 1, 1, 2);
    }

    @Test
    void kubectl_get_events_rows_take_their_level_from_their_type() {
        List<LogRecord> events = read("""
                LAST SEEN   TYPE      REASON      OBJECT                         MESSAGE
                14m         Normal    Pulled      pod/checkout-7d9f8b6c4-x2k8p   Container image already present
                12m         Warning   OOMKilling  node/ip-10-0-3-17              Memory cgroup out of memory: Killed process
                """);
        assertThat(events).extracting(LogRecord::level).containsExactly(null, "INFO", "WARN");
    }

    @Test
    void a_go_panic_keeps_its_goroutines_across_the_blank_line_before_them() {
        List<LogRecord> events = read("""
                2026/11/29 22:14:05 GET /orders 200 3ms
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6a1b2c]

                goroutine 34 [running]:
                main.(*OrderService).Place(0x0, {0xc000120000, 0x24})
                \t/app/orders.go:88 +0x1d
                net/http.HandlerFunc.ServeHTTP(0x0?, {0x7f3c, 0xc0001a2000}, 0x0?)
                \t/usr/local/go/src/net/http/server.go:2166 +0x29
                created by net/http.(*Server).Serve in goroutine 1
                \t/usr/local/go/src/net/http/server.go:3285 +0x4b4

                exit status 2
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(1, 10, 1);
        assertThat(events.get(1).raw()).contains("goroutine 34 [running]:").endsWith("server.go:3285 +0x4b4");
        assertThat(events.get(2).lineNo()).isEqualTo(13);
    }

    @Test
    void a_postgres_error_keeps_its_detail_and_statement_but_not_another_process_lines() {
        List<LogRecord> events = read("""
                2026-11-30 04:00:01.456 UTC [4250] ERROR:  duplicate key value violates unique constraint "orders_pkey"
                2026-11-30 04:00:01.456 UTC [4250] DETAIL:  Key (id)=(1842) already exists.
                2026-11-30 04:00:01.456 UTC [4250] STATEMENT:  INSERT INTO orders (id) VALUES (1842)
                2026-11-30 04:00:01.457 UTC [4251] DETAIL:  Process 4251 waits for ShareLock on transaction 998.
                2026-11-30 04:00:02.001 UTC [4250] LOG:  disconnection: session time: 0:00:01.2
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(3, 1, 1);
        assertThat(events.get(0).raw()).contains("Key (id)=(1842) already exists.");
        assertThat(events.get(0).level()).isEqualTo("ERROR");
    }

    @Test
    void joins_python_traceback_including_the_exception_line() {
        List<LogRecord> events = read("""
                ERROR worker crashed
                Traceback (most recent call last):
                  File "w.py", line 3, in <module>
                ValueError: bad input
                INFO restarting
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(4, 1);
    }

    /** Many Python exceptions are named neither Error nor Exception; the line below the frames still ends the trace. */
    @Test
    void a_tracebacks_exception_line_stays_with_it_whatever_the_exceptions_name() {
        List<LogRecord> events = read("""
                2026-11-30 09:10:01,002 ERROR [worker] job 42 failed
                Traceback (most recent call last):
                  File "/app/worker/tasks.py", line 88, in charge
                    resp = client.post(url, json=payload, timeout=5)
                requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443)
                worker: next job
                Traceback (most recent call last):
                  File "/app/worker/main.py", line 12, in <module>
                StopIteration
                worker: idle
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(5, 1, 3, 1);
        assertThat(events.get(0).raw()).endsWith("ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443)");
        assertThat(events.get(2).message()).isEqualTo("StopIteration");
    }

    /**
     * Chained exceptions print one traceback each, joined by a sentence between blank lines: one event, named by the
     * exception that escaped (the last), whether the traceback was logged below a line or printed on its own.
     */
    @Test
    void chained_tracebacks_are_one_event_named_by_the_exception_that_escaped() {
        List<LogRecord> events = read("""
                2026-11-30 09:10:01,002 ERROR [api] checkout failed
                Traceback (most recent call last):
                  File "/app/cart.py", line 40, in total
                    price = prices[sku]
                KeyError: 'sku-991'

                During handling of the above exception, another exception occurred:

                Traceback (most recent call last):
                  File "/app/cart.py", line 42, in total
                    raise PricingError(sku)
                cart.PricingError: no price for sku-991
                2026-11-30 09:10:01,050 INFO [api] GET /health 200
                Traceback (most recent call last):
                  File "/app/db.py", line 7, in connect
                ConnectionRefusedError: [Errno 111] Connection refused

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/app/main.py", line 3, in <module>
                app.db.DatabaseUnavailable: primary is down

                2026-11-30 09:10:02,000 INFO [api] shutting down
                """);
        assertThat(events).extracting(LogRecord::lineCount).containsExactly(12, 1, 9, 1);
        assertThat(events.get(0).raw()).endsWith("cart.PricingError: no price for sku-991").contains("KeyError");
        assertThat(events.get(2).level()).isEqualTo("ERROR");
        assertThat(events.get(2).message()).isEqualTo("app.db.DatabaseUnavailable: primary is down");
        assertThat(events.get(2).raw()).contains("ConnectionRefusedError");
        assertThat(events.get(3).message()).isEqualTo("shutting down");
    }

    @Test
    void a_traceback_nobody_logged_is_an_error_of_its_own_named_by_its_exception() {
        List<LogRecord> events = read("""
                2026-11-29 18:01:02,201 INFO app.reports: building monthly report for tenant 42
                Traceback (most recent call last):
                  File "/srv/app/reports.py", line 88, in build
                    rows = db.fetch_all(q)
                app.db.DatabaseError: could not serialize access due to concurrent update
                2026-11-29 18:01:03,301 INFO gunicorn.access: 10.0.0.3 "GET /api/reports HTTP/1.1" 200 1190
                """);
        assertThat(events).extracting(LogRecord::level).containsExactly("INFO", "ERROR", "INFO");
        LogRecord traceback = events.get(1);
        assertThat(traceback.lineCount()).isEqualTo(4);
        assertThat(traceback.message())
                .isEqualTo("app.db.DatabaseError: could not serialize access due to concurrent update");
        assertThat(traceback.raw()).startsWith("Traceback (most recent call last):");
        assertThat(traceback.timestamp()).as("the time of the line logged before it")
                .isEqualTo(Instant.parse("2026-11-29T18:01:02.201Z"));
        assertThat(events.get(0).message()).isEqualTo("building monthly report for tenant 42");
    }

    @Test
    void handles_crlf_line_endings() {
        List<LogRecord> events = read("Jun 14 15:16:01 h cron[1]: a\r\nJun 14 15:16:02 h cron[1]: b\r\n");
        assertThat(events).extracting(LogRecord::message).containsExactly("a", "b");
        assertThat(events).extracting(LogRecord::raw).noneMatch(raw -> raw.contains("\r"));
    }

    @Test
    void keeps_lines_without_a_header_as_plain_messages() {
        LogRecord e = only("something happened here");
        assertThat(e.timestamp()).isNull();
        assertThat(e.level()).isNull();
        assertThat(e.message()).isEqualTo("something happened here");
    }

    @Test
    void bounds_the_raw_text_of_an_endless_trace() {
        String trace = "ERROR x\n" + "\tat a.b.C.d(C.java:1)\n".repeat(10_000);
        LogRecord e = only(trace);
        assertThat(e.lineCount()).isEqualTo(10_001);
        assertThat(e.raw().length()).isLessThanOrEqualTo(LogReader.MAX_RAW_CHARS);
    }
}
