package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Report;
import org.junit.jupiter.api.Test;

/** Reports on structured logs whose JSON records are printed over several lines, as {@code jq .} shows them. */
class JsonLogsReportTest {
    private final Playbook playbook = new Playbook();

    private static String printed(String time, String level, String msg) {
        return "{\n  \"time\": \"2026-01-01T" + time + "Z\",\n  \"level\": \"" + level + "\",\n  \"msg\": \"" + msg
                + "\"\n}\n";
    }

    @Test
    void a_fatal_record_printed_over_several_lines_is_the_problem_quoted_from_its_first_line() {
        String logs = printed("10:00:00", "info", "ledger sync started") + printed("10:00:05", "info", "batch 1 posted")
                + printed("10:00:10", "info", "batch 2 posted") + printed("10:00:15", "info", "batch 3 posted")
                + printed("10:00:20", "info", "retrying the ledger")
                + printed("10:00:25", "fatal", "ledger unreachable, giving up");

        Report report = playbook.run(Playbook.facts("Why did the ledger job stop?", logs)).report();

        assertThat(report.outcome()).isEqualTo("Likely cause: The first failure: 'ledger unreachable, giving up' in "
                + "context.logs");
        assertThat(report.markdown()).doesNotContain("No problem found")
                .contains("context.logs holds 6 events from 2026-01-01T10:00:00Z to 2026-01-01T10:00:25Z.")
                .contains("context.logs line 26, 2026-01-01T10:00:25Z: `{   \"time\": \"2026-01-01T10:00:25Z\",   "
                        + "\"level\": \"fatal\",   \"msg\": \"ledger unreachable, giving up\" }`");
    }
}
