package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class YearGuessTest {
    @Test
    void a_date_more_than_a_day_ahead_is_last_years() {
        YearGuess jan2 = YearGuess.at(Instant.parse("2027-01-02T09:00:00Z"));
        assertThat(jan2.yearOf(12, 31)).isEqualTo(2026);
        assertThat(jan2.yearOf(1, 2)).isEqualTo(2027);
        assertThat(jan2.yearOf(1, 3)).as("a day ahead: a clock in another zone").isEqualTo(2027);
        YearGuess nov29 = YearGuess.at(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(nov29.yearOf(12, 10)).as("OpenSSH's Dec 10 is last December").isEqualTo(2025);
        assertThat(nov29.yearOf(11, 28)).isEqualTo(2026);
        assertThat(YearGuess.fixed(2026).yearOf(12, 31)).isEqualTo(2026);
    }

    @Test
    void syslog_and_klog_lines_read_in_january_are_dated_last_december() {
        YearGuess jan2 = YearGuess.at(Instant.parse("2027-01-02T09:00:00Z"));
        HeaderDetector detector = new HeaderDetector(jan2);
        assertThat(detector.detect("Dec 31 23:59:58 web-1 sshd[42]: Connection closed").timestamp())
                .isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        assertThat(detector.detect("E1231 23:59:59.000000       1 server.go:42] failed").timestamp())
                .isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(detector.detect("Jan  2 08:59:00 web-1 sshd[42]: Accepted").timestamp())
                .isEqualTo(Instant.parse("2027-01-02T08:59:00Z"));
    }
}
