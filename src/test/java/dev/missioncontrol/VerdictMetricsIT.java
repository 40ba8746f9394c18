package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What README promises on /metrics is there from the start, so an alert on it has a series to watch. */
class VerdictMetricsIT {

    @Test
    void every_final_verdict_state_is_counted_from_zero_before_the_first_verdict() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String metrics = server.api().get("/metrics").body();
            for (String state : List.of("healthy", "marginal", "degraded", "failed", "inconclusive")) {
                assertThat(metrics).contains("missioncontrol_verdicts_total{state=\"" + state + "\"} 0");
            }
        }
    }
}
