package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clocks and zones loggers write beside ISO 8601, read by the header of a line. */
class TimestampsTest {
    private final HeaderDetector detector = new HeaderDetector(YearGuess.fixed(2025));

    @Test
    void reads_a_12_hour_clock_and_names_no_component_after_it() {
        LineFields pm = detector.detect("2025-06-15 01:15:00 PM ERROR checkout failed: card declined");
        assertThat(pm.timestamp()).isEqualTo(Instant.parse("2025-06-15T13:15:00Z"));
        assertThat(pm.level()).isEqualTo("ERROR");
        assertThat(pm.component()).isNull();
        assertThat(pm.message()).isEqualTo("checkout failed: card declined");
        assertThat(detector.detect("2025-06-15 12:30:00 AM INFO nightly export").timestamp())
                .as("half past midnight").isEqualTo(Instant.parse("2025-06-15T00:30:00Z"));
        assertThat(detector.detect("2025-06-15 12:30:00.250pm INFO lunch").timestamp())
                .as("noon, lower case and no space").isEqualTo(Instant.parse("2025-06-15T12:30:00.250Z"));
        assertThat(detector.detect("2025-06-15 13:15:00 PM INFO redundant marker").timestamp())
                .isEqualTo(Instant.parse("2025-06-15T13:15:00Z"));
    }
}
