package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
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
        assertThat(detector.detect("Jun 15 03:16:01 pm-web01 sshd[1]: error: refused").timestamp())
                .as("a host named pm-web01 is no marker").isEqualTo(Instant.parse("2025-06-15T03:16:01Z"));
        LineFields batch = detector.detect("2025-06-15 03:16:01 am-batch ERROR boom");
        assertThat(batch.timestamp()).isEqualTo(Instant.parse("2025-06-15T03:16:01Z"));
        assertThat(batch.component()).isEqualTo("am-batch");
    }

    @Test
    void reads_zone_abbreviations_as_their_offsets_and_ambiguous_ones_as_no_zone() {
        LineFields cest = detector.detect("2025-06-15 13:00:00.123 CEST [4711] ERROR:  deadlock detected");
        assertThat(cest.timestamp()).isEqualTo(Instant.parse("2025-06-15T11:00:00.123Z"));
        assertThat(cest.zoneAssumed()).isFalse();
        assertThat(cest.zone()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(cest.level()).isEqualTo("ERROR");
        LineFields edt = detector.detect("2025-06-15 13:00:00 EDT [4711] LOG:  checkpoint starting: time");
        assertThat(edt.timestamp()).isEqualTo(Instant.parse("2025-06-15T17:00:00Z"));
        assertThat(edt.level()).as("PostgreSQL's %t prefix").isEqualTo("INFO");
        assertThat(edt.message()).isEqualTo("checkpoint starting: time");
        LineFields cst = detector.detect("2025-06-15 13:00:00 CST [4711] ERROR:  out of memory");
        assertThat(cst.timestamp()).as("US Central or China").isEqualTo(Instant.parse("2025-06-15T13:00:00Z"));
        assertThat(cst.zoneAssumed()).isTrue();
        assertThat(cst.level()).isEqualTo("ERROR");
        LineFields unknown = detector.detect("2025-06-15 13:00:00 XYZT [4711] FATAL:  the database is shutting down");
        assertThat(unknown.zoneAssumed()).isTrue();
        assertThat(unknown.level()).isEqualTo("FATAL");
        assertThat(detector.detect("2025-06-15 13:00:00 ESTABLISHED INFO connection").zoneAssumed())
                .as("a word that starts like a zone").isTrue();
    }

    @Test
    void reads_the_zone_and_the_year_date_writes_after_the_time() {
        LineFields e = detector.detect("Sun Jun 15 13:00:00 PDT 2019 ERROR: backup failed");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2019-06-15T20:00:00Z"));
        assertThat(e.component()).isNull();
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.message()).isEqualTo("backup failed");
        assertThat(detector.detect("Sun Jun 15 13:00:00 IST 2019 ERROR: backup failed").timestamp())
                .as("India, Ireland or Israel: the year still counts").isEqualTo(Instant.parse("2019-06-15T13:00:00Z"));
    }

    @Test
    void reads_an_offset_of_whole_hours_straight_after_an_iso_time() {
        LineFields e = detector.detect("2025-06-15T13:00:00-07 ERROR payment declined");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2025-06-15T20:00:00Z"));
        assertThat(e.zoneAssumed()).isFalse();
        assertThat(e.component()).isNull();
        assertThat(detector.detect("2025-06-15T13:00:00.5+05 INFO ok").timestamp())
                .isEqualTo(Instant.parse("2025-06-15T08:00:00.500Z"));
        LineFields count = detector.detect("2025-06-15 13:00:00 -12 degrees outside");
        assertThat(count.timestamp()).as("apart from the time, -12 is text").isEqualTo(
                Instant.parse("2025-06-15T13:00:00Z"));
        assertThat(count.message()).isEqualTo("-12 degrees outside");
        LineFields range = detector.detect("2025-06-15 03:16:01-19 ERROR boom");
        assertThat(range.timestamp()).as("-19 is no zone").isEqualTo(Instant.parse("2025-06-15T03:16:01Z"));
        assertThat(range.level()).isEqualTo("ERROR");
    }

    @Test
    void finds_the_level_and_logger_after_a_time_of_day_alone() {
        LineFields e = detector.detect("13:00:06.123 [main] ERROR com.acme.Pay - card declined");
        assertThat(e.level()).isEqualTo("ERROR");
        assertThat(e.component()).isEqualTo("com.acme.Pay");
        assertThat(e.message()).isEqualTo("card declined");
        assertThat(e.timestamp()).as("no day is named").isNull();
        assertThat(detector.detect("13:00:06 is when the job ran").level()).isNull();
    }
}
