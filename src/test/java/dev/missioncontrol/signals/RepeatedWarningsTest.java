package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.LogCapture;
import dev.missioncontrol.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A Prometheus that is down is said once in ten minutes per cause, not at every fetch of every deploy. */
class RepeatedWarningsTest {
    @Test
    void the_same_cause_is_said_once_per_quiet_interval_and_another_cause_at_once() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        var warnings = new RepeatedWarnings(LoggerFactory.getLogger(RepeatedWarningsTest.class), Duration.ofMinutes(10),
                clock);
        String down = "acme/api: error_rate not checked: Prometheus http://prometheus:9090: connection refused";
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 30; i++) {
                warnings.warn(down);
                clock.advance(Duration.ofSeconds(10));
            }
            warnings.warn("acme/web: error_rate not checked: Prometheus http://prometheus:9090 answered 502");
            clock.advance(Duration.ofMinutes(6));
            warnings.warn(down);

            assertThat(log.text().lines().filter(l -> l.contains("acme/api: error_rate not checked"))).hasSize(2);
            assertThat(log.text()).contains("acme/web: error_rate not checked")
                    .contains("said once every 10 minutes while it lasts");
        }
    }
}
