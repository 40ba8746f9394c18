package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines a process writes to stdout without a logging library: no time, often no level. */
class PlainStreamLinesTest {

    private static LogRecord only(String line) {
        List<LogRecord> events = new ArrayList<>();
        new LogReader(new StringReader(line), 2026).forEachRemaining(events::add);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void a_level_written_twice_names_no_component() {
        LogRecord e = only("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
        assertThat(e.level()).isEqualTo("FATAL");
        assertThat(e.component()).isNull();
        assertThat(e.message()).isEqualTo("Reached heap limit Allocation failed - JavaScript heap out of memory");
        assertThat(only("2026-01-01T10:00:00Z ERROR orders.Checkout: payment declined").component())
                .isEqualTo("orders.Checkout");
    }

    @Test
    void a_request_line_without_a_level_takes_it_from_the_status() {
        assertThat(only("GET /api/users 500 30012ms").level()).isEqualTo("ERROR");
        assertThat(only("GET /api/users 500 30012ms").message()).isEqualTo("5xx GET /api/users 500 30012ms");
        assertThat(only("2026-01-01T10:00:00Z POST /api/orders HTTP/1.1 404 3 ms").level()).isEqualTo("WARN");
        assertThat(only("GET /api/users 200 12ms").level()).isEqualTo("INFO");
        assertThat(only("GET /api/users took 5000ms").level()).isNull();
        assertThat(only("GET /api/items?id=502 200 9ms").level()).isEqualTo("INFO");
    }

    @Test
    void a_request_line_is_quoted_as_written_without_the_status_class_the_miner_is_given() {
        assertThat(only("GET /api/users 500 30012ms").written()).isEqualTo("GET /api/users 500 30012ms");
        assertThat(only("2026-01-01T10:00:00Z ERROR api - 5xx from upstream").written())
                .isEqualTo("5xx from upstream");
    }

    @Test
    void an_access_line_is_quoted_from_its_request_as_written_with_its_quotes() {
        String line = "10.0.4.124 - - [30/Nov/2026:21:04:59 +0100] \"POST /api/partner/quote HTTP/1.1\" 502 260 \"-\" "
                + "\"shop-web/5.0\"";
        assertThat(only(line).message()).startsWith("5xx ");
        assertThat(only(line).written())
                .isEqualTo("\"POST /api/partner/quote HTTP/1.1\" 502 260 \"-\" \"shop-web/5.0\"");
        String wrapped = "2026-11-30T20:04:59.5Z stdout F " + line;
        assertThat(line).contains(only(wrapped).written());
    }
}
