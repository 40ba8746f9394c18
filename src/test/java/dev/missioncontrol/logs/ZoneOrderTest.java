package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One log that interleaves times with a zone and times without: the latter are placed by the lines around them. */
class ZoneOrderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final ZoneOffset PLUS_ONE = GatewayLog.PLUS_ONE;
    private static final Set<ZoneOffset> NAMED = Set.of(PLUS_ONE, ZoneOffset.UTC);

    private static ZoneOrder order(String log) {
        return ZoneSurvey.of(new StringReader(log), Reader.nullReader(), NOW).order();
    }

    @Test
    void naive_times_are_read_in_the_zone_that_puts_them_in_order_among_their_neighbours() {
        ZoneOrder local = order(GatewayLog.of(PLUS_ONE, 40));

        assertThat(local.best(NAMED)).isEqualTo(PLUS_ONE);
        assertThat(local.inversions(ZoneOffset.UTC)).as("read as UTC, each but the last stands after the next line").isEqualTo(39);
        assertThat(order(GatewayLog.of(ZoneOffset.UTC, 40)).best(NAMED)).as("written in UTC, they stay in UTC")
                .isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void without_neighbours_or_with_a_tie_the_times_stay_in_utc() {
        String naiveOnly = "2026-11-30 21:04:59,392 ERROR [upstream-tls] gateway.proxy - TLS handshake failed\n";
        assertThat(order(naiveOnly).best(NAMED)).as("nothing to go by").isEqualTo(ZoneOffset.UTC);

        // a naive line between access lines at 20:00Z and 23:00Z: out of order in UTC, in order in +01:00 and +02:00
        String wide = """
                10.0.0.1 - - [30/Nov/2026:21:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "curl/8.5"
                2026-11-30 23:30:00,000 INFO [main] app - still alive
                10.0.0.1 - - [01/Dec/2026:00:00:00 +0100] "GET / HTTP/1.1" 200 1 "-" "curl/8.5"
                """;
        assertThat(order(wide).best(Set.of(PLUS_ONE, ZoneOffset.ofHours(2)))).isEqualTo(ZoneOffset.UTC);
    }

    /** The head and the tail a survey reads are not one run of lines: the head's last is no neighbour of the tail's. */
    @Test
    void the_head_and_the_tail_of_a_log_are_not_neighbours() {
        String head = "10.0.0.1 - - [30/Nov/2026:21:00:00 +0100] \"GET / HTTP/1.1\" 200 1 \"-\" \"curl/8.5\"\n";
        String tail = "2026-11-30 18:00:00,000 INFO [main] app - started\n";

        ZoneOrder order = ZoneSurvey.of(new StringReader(head), new StringReader(tail), NOW).order();

        assertThat(order.inversions(ZoneOffset.UTC)).isZero();
        assertThat(order.best(NAMED)).isEqualTo(ZoneOffset.UTC);
    }
}
