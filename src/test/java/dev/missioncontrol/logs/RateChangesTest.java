package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RateChangesTest {

    /** One "tick" a minute for 100 minutes; "disk error" only in the last 10; a burst of retries at minute 50. */
    private static LogAnalysis analysis() {
        StringBuilder log = new StringBuilder();
        for (int minute = 0; minute < 100; minute++) {
            String at = String.format("2024-01-01T%02d:%02d:00Z", minute / 60, minute % 60);
            log.append(at).append(" INFO tick ").append(minute).append('\n');
            if (minute >= 90) {
                log.append(at).append(" ERROR disk error on sda").append('\n');
            }
            if (minute == 50) {
                log.append((at + " WARN retrying upload to bucket\n").repeat(20));
            }
        }
        return LogDigest.analyze(new StringReader(log.toString()));
    }

    @Test
    void flags_a_template_that_appears_only_at_the_end() {
        assertThat(RateChanges.changes(analysis()))
                .anySatisfy(c -> {
                    assertThat(c.template().template()).isEqualTo("disk error on sda");
                    assertThat(c.kind()).isEqualTo(RateChanges.Kind.NEW);
                })
                .noneSatisfy(c -> assertThat(c.template().template()).startsWith("tick"));
    }

    @Test
    void finds_a_burst_far_above_the_usual_rate() {
        assertThat(RateChanges.bursts(analysis()))
                .anySatisfy(b -> {
                    assertThat(b.template().template()).isEqualTo("retrying upload to bucket");
                    assertThat(b.count()).isEqualTo(20);
                })
                .noneSatisfy(b -> assertThat(b.template().template()).startsWith("tick"));
    }
}
