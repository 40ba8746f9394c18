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
}
