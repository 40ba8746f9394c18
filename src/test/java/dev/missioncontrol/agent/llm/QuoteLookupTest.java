package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.llm.QuoteLookup.Verdict;
import dev.missioncontrol.store.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which code in a report quotes log lines, and looking such a quote up in the session's logs. */
class QuoteLookupTest {
    @Test
    void a_quote_is_found_despite_spacing_masks_cuts_and_how_its_time_is_written() {
        String secret = "2026-03-01T09:00:01.250Z ERROR db - login failed password=hunter22 user=bob";
        SessionFacts facts = AnalystReports.facts("why?", Json.object().put("logs", String.join("\n",
                "2026-03-01T09:00:00.125Z INFO  api  - started", secret, "2026-03-01 09:00:02,500 WARN pool - "
                        + "HikariPool-1 - Connection is not available, request timed out after 30000ms")));
        QuoteLookup lookup = new QuoteLookup(AnalystReports.LOG_TOOLS.get("search_logs"));
        assertThat(Redactor.redact(secret)).as("what the model read").contains("[REDACTED]");

        assertThat(List.of("2026-03-01T09:00:00.125Z INFO api - started", Redactor.redact(secret),
                "HikariPool-1 - Connection is not available",
                "2026-03-01 09:00:02,500 WARN pool - HikariPool-1 - Connection is not avail…",
                "2026-03-01T09:00:02.500Z WARN pool - HikariPool-1 - Connection is not available",
                "HikariPool-<*> - Connection is not available, request timed out after <*>ms"))
                .allSatisfy(q -> assertThat(lookup.find(q, facts).verdict()).as(q).isEqualTo(Verdict.FOUND));
        assertThat(List.of("2026-03-01T09:00:02.500Z FATAL pool - java.lang.OutOfMemoryError",
                "2026-03-01T09:00:01.250Z ERROR db - login failed for user=admin"))
                .allSatisfy(q -> assertThat(lookup.find(q, facts).verdict()).as(q).isEqualTo(Verdict.NOT_FOUND));
        SessionFacts noLogs = AnalystReports.facts("why?", Json.object());
        assertThat(lookup.find("2026-03-01T09:00:00.125Z INFO api - started", noLogs).verdict())
                .as("a session without logs has none of the lines a report quotes").isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void only_code_that_reads_as_a_log_line_in_the_evidence_is_a_quote() {
        String md = """
                ## Summary

                Raise `maxPoolSize` of `HikariPool-1`; the log says `2026-03-01T09:00:01Z ERROR db - login failed`.
                > 2026-03-01T09:00:02Z WARN pool - timed out

                ```
                2026-03-01T09:00:03Z ERROR x - boom
                ```

                - context.logs line 7: ``quote with a ` inside``

                ## Recommended actions

                1. Run `kubectl logs api | grep ERROR --since 10m`
                """;
        assertThat(QuotedLines.quotes(md)).extracting(QuotedLines.Code::text).containsExactly(
                "2026-03-01T09:00:01Z ERROR db - login failed", "2026-03-01T09:00:02Z WARN pool - timed out",
                "2026-03-01T09:00:03Z ERROR x - boom", "quote with a ` inside");
    }
}
