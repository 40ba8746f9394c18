package dev.missioncontrol.agent.analyst;

import static dev.missioncontrol.agent.analyst.IncidentTest.SOURCE;
import static dev.missioncontrol.agent.analyst.IncidentTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakTest {
    /** A template of {@code count} lines, {@code errors} of them errors, in 10-second buckets from {@code bucket}. */
    private static LogTemplate lines(String id, long count, long errors, int bucket, long perBucket) {
        long[] h = new long[64];
        h[bucket] = perBucket;
        h[bucket + 1] = perBucket;
        return new LogTemplate(id, SOURCE.name(), id, id, count, errors, 0, errors > 0 ? "ERROR" : "INFO", "level",
                T0.plusSeconds(bucket * 10L), T0.plusSeconds(bucket * 10L + 19), 1, id, List.of(), null, null, List.of(), h);
    }

    @Test
    void the_busiest_minute_counts_error_lines_when_some_kinds_are_all_errors() {
        LogTemplate timeouts = lines("timeouts", 8, 8, 40, 4);
        LogTemplate access = lines("access", 60, 6, 20, 30); // mostly 200s, some 502s: not all errors
        Peak peak = Peak.of(Incident.of(List.of(timeouts, access), List.of(SOURCE)), List.of(SOURCE)).orElseThrow();
        assertThat(peak.errorsOnly()).isTrue();
        assertThat(peak.lines()).isEqualTo(8);
        assertThat(peak.start()).isEqualTo(T0.plusSeconds(400));
        assertThat(peak.span()).isEqualTo(Duration.ofMinutes(1));
        assertThat(peak.perMinute()).isEqualTo(8.0);

        Peak mixed = Peak.of(Incident.of(List.of(access), List.of(SOURCE)), List.of(SOURCE)).orElseThrow();
        assertThat(mixed.errorsOnly()).as("a kind that mixes levels counts as problem lines").isFalse();
        assertThat(mixed.lines()).isEqualTo(60);
    }
}
