package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.missioncontrol.logs.GatewayLog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceZonesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");
    private static final LogSource ACCESS = source("access.log",
            "10.0.0.7 - - [29/Nov/2026:21:40:07 +0100] \"GET / HTTP/1.1\" 502 157\n");
    private static final LogSource ERRORS = source("error.log",
            "2026/11/29 21:40:07 [error] 31#31: connect() failed (111: Connection refused)\n");

    private static LogSource source(String name, String text) {
        return new LogSource("context.logs." + name, new TextNode(text));
    }

    @Test
    void a_log_without_zones_takes_the_one_zone_the_others_name() {
        var zones = SourceZones.of(List.of(ACCESS, ERRORS), NOW);

        assertThat(zones).containsExactly(Map.entry("context.logs.error.log", ZoneOffset.ofHours(1)));
        MinedSource mined = SourceMiner.mine(ERRORS, LogFilter.NONE, NOW, zones.get(ERRORS.name()));
        assertThat(mined.analysis().first()).isEqualTo(Instant.parse("2026-11-29T20:40:07Z"));
    }

    @Test
    void logs_that_name_different_zones_or_utc_leave_the_others_in_utc() {
        LogSource utc = source("app.log", "2026-11-29T20:40:07Z ERROR api - failed\n");
        LogSource east = source("east.log", "2026-11-29T23:40:07+03:00 ERROR api - failed\n");

        assertThat(SourceZones.of(List.of(ACCESS, utc, ERRORS), NOW)).isEmpty();
        assertThat(SourceZones.of(List.of(ACCESS, east, ERRORS), NOW)).isEmpty();
        assertThat(SourceZones.of(List.of(ERRORS), NOW)).as("no other log to go by").isEmpty();
    }

    /**
     * An application's log without zones beside a proxy's with +01:00: read as UTC, its times already line up with
     * the proxy's, so it was written in UTC; read in +01:00 it would start an hour before the failure it caused.
     */
    @Test
    void a_log_that_lines_up_with_the_others_in_utc_stays_in_utc() {
        StringBuilder app = new StringBuilder();
        for (int i = 0; i < 300; i++) { // more lines than the survey reads from the head
            app.append("2026-11-29 20:%02d:%02d,002 INFO [worker] job %d done\n".formatted(i / 60, i % 60, i));
        }
        app.append("2026-11-29 20:40:06,002 ERROR [worker] job 42 failed\n");
        LogSource worker = source("worker.log", app.toString());

        assertThat(SourceZones.of(List.of(ACCESS, worker), NOW)).isEmpty();
        assertThat(SourceZones.of(List.of(ACCESS, worker, ERRORS), NOW))
                .containsExactly(Map.entry("context.logs.error.log", ZoneOffset.ofHours(1)));
    }

    /**
     * One log interleaving nginx's +0100, an application's naive local time and a health checker's Z: the zones it
     * names differ, but its naive lines stand in order among the lines around them only in +01:00.
     */
    @Test
    void naive_times_among_zoned_lines_of_one_log_are_read_in_the_zone_that_keeps_them_in_order() {
        LogSource gateway = source("gateway.log", GatewayLog.of(GatewayLog.PLUS_ONE, 300));

        var zones = SourceZones.of(List.of(gateway), NOW);

        assertThat(zones).containsExactly(Map.entry("context.logs.gateway.log", GatewayLog.PLUS_ONE));
        MinedSource mined = SourceMiner.mine(gateway, LogFilter.NONE, NOW, zones.get(gateway.name()));
        assertThat(mined.analysis().last()).as("the last error, a fraction of a second after the last 502")
                .isEqualTo(GatewayLog.START.plusSeconds(5 * 299).plusMillis(392));
        assertThat(SourceZones.of(List.of(source("app.log", GatewayLog.of(ZoneOffset.UTC, 300))), NOW)).isEmpty();
    }

    /** Where a long log ends decides as much as where it begins: its first lines alone may lie far from the others. */
    @Test
    void a_long_log_is_placed_by_its_last_lines_too() {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            errors.append("2026/11/29 21:%02d:%02d [warn] 31#31: upstream response buffered\n".formatted(i / 60, i % 60));
        }
        errors.append("2026/11/29 21:40:07 [error] 31#31: connect() failed (111: Connection refused)\n");

        assertThat(SourceZones.of(List.of(ACCESS, source("error.log", errors.toString())), NOW))
                .containsExactly(Map.entry("context.logs.error.log", ZoneOffset.ofHours(1)));
    }
}
