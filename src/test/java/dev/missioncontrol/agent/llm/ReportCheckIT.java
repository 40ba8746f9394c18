package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.SessionFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check on real report texts: the analyst's reports on the shared incident cases quote only lines its tools
 * returned, so a check that marked any of them would mark a true report as made up.
 */
class ReportCheckIT {
    @ParameterizedTest
    @ValueSource(strings = {"51_logs_summarize_errors", "66_http_error_needle", "69_rate_limit_exhaustion"})
    void every_line_the_analyst_quotes_is_found_in_its_logs_and_the_report_is_left_as_it_is(String incident) {
        SessionFacts facts = AnalystReports.incident(incident);
        String report = AnalystReports.write(facts);

        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(report,
                AnalystReports.before(facts));

        assertThat(c.data().path("quotes_checked").asInt()).isPositive();
        assertThat(c.data().path("quotes_not_found")).isEmpty();
        assertThat(c.data().path("quotes_unchecked")).isEmpty();
        assertThat(c.data().path("metric_figures_unmeasured")).isEmpty();
        assertThat(c.report().markdown()).isEqualTo(report);
        assertThat(c.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.path("title").asText()).as("the sub-heading without its number").matches("[A-Z].+");
            assertThat(f.path("detail").asText()).isNotBlank();
            assertThat(f.path("evidence")).isNotEmpty();
        });
        assertThat(ReportShape.missing(report)).isEmpty();
    }
}
