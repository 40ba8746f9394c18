package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.logs.GatewayLog;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Logs of one request written in one local zone, some with the offset and some without it. */
class LogZonesReportTest {
    private final Playbook playbook = new Playbook();

    /** nginx: the access log names its offset, the error log of the same moments does not. */
    private static ObjectNode nginx(String accessZone) {
        StringBuilder access = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (int s = 0; s < 30; s++) {
            access.append(String.format("10.0.0.7 - - [29/Nov/2026:21:40:%02d %s] \"GET /checkout HTTP/1.1\" 502 157 "
                    + "\"-\" \"curl/8.5\"%n", s, accessZone));
            errors.append(String.format("2026/11/29 21:40:%02d [error] 31#31: *%d connect() failed (111: Connection "
                    + "refused) while connecting to upstream, client: 10.0.0.7, server: shop, request: \"GET /checkout "
                    + "HTTP/1.1\", upstream: \"http://10.0.4.21:8080/checkout\"%n", s, 100 + s));
        }
        ObjectNode context = Json.object();
        context.putObject("logs").put("access.log", access.toString()).put("error.log", errors.toString());
        return context;
    }

    private String report(ObjectNode context) {
        return playbook.run(Playbook.facts("Why does checkout answer 502?", context)).report().markdown();
    }

    /** The report on a gateway's logs, asked a quarter of an hour after its first 502. */
    private String gatewayReport(String logs) {
        ObjectNode context = Json.object().put("logs", logs);
        return playbook.run(Playbook.facts("Why does the gateway answer 502?", context,
                GatewayLog.START.plus(Duration.ofMinutes(15)))).report().markdown();
    }

    @Test
    void an_error_log_without_a_zone_is_read_in_the_zone_its_access_log_names() {
        String report = report(nginx("+0100"));

        assertThat(report).contains("read in +01:00, the zone the request's other logs name")
                .doesNotContain("1h 0m after").doesNotContain("read as UTC");
    }

    @Test
    void beside_a_log_in_utc_a_log_without_a_zone_is_still_read_as_utc() {
        String report = report(nginx("+0000"));

        assertThat(report).contains("(its times name no zone, so they are read as UTC)").doesNotContain("read in +");
    }

    /**
     * One log interleaving nginx's +0100, the application's naive local time and a health checker's Z: its naive
     * lines are read in +01:00, where they stand in order among the others, so the certificate error that caused
     * each 502 stands beside it rather than an hour later.
     */
    @Test
    void naive_lines_of_a_log_that_names_zones_are_read_where_they_stand_in_order() {
        String report = gatewayReport(GatewayLog.of(GatewayLog.PLUS_ONE, 130));

        assertThat(report).contains("(some of its times name no zone; they are read in +01:00, where they fall in "
                + "order among its lines that name one)").doesNotContain("read as UTC").doesNotContain("1h 0m")
                .doesNotContain("after the question was asked");
    }

    /** Naive local times with nothing to place them by are read as UTC; lying in the future, they are said to. */
    @Test
    void times_after_the_question_are_said_to_be_misread() {
        String appOnly = GatewayLog.of(GatewayLog.PLUS_ONE, 130).lines().filter(l -> l.startsWith("2026-"))
                .collect(Collectors.joining("\n"));

        String report = gatewayReport(appOnly);

        assertThat(report).contains("(its times name no zone, so they are read as UTC)")
                .contains("- context.logs runs to 55m 45s after the question was asked (2026-11-30T20:19:00Z): its "
                        + "times were probably read in the wrong zone, and may be off by as much.");
    }
}
