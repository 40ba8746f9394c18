package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A log written on a 12-hour clock: the afternoon's errors come after the morning, not before it. */
class TwelveHourClockReportTest {

    /** Quiet work until noon, then checkout failing from one o'clock until the log ends. */
    private static String log() {
        StringBuilder log = new StringBuilder();
        for (int m = 0; m < 60; m += 2) {
            log.append(String.format("2025-12-31 12:%02d:00 PM INFO order %d placed%n", m, 100 + m));
        }
        for (int m = 0; m < 30; m++) {
            log.append(String.format("2025-12-31 01:%02d:00 PM ERROR checkout failed: payment provider timed out "
                    + "after 30s%n", m));
        }
        return log.toString();
    }

    @Test
    void the_first_bad_line_is_dated_in_the_afternoon_and_still_happening_at_the_end() {
        String report = new Playbook().run(Playbook.facts("Why does checkout fail?", log())).report().markdown();

        assertThat(report).contains("The first bad line (2025-12-31T13:00:00Z)")
                .contains("It was still happening when the logs end.")
                .contains("60 events from 2025-12-31T12:00:00Z to 2025-12-31T13:29:00Z");
    }
}
