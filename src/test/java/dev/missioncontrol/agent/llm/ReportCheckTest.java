package dev.missioncontrol.agent.llm;

import static dev.missioncontrol.agent.llm.ReportCheck.NOT_DEPLOYED;
import static dev.missioncontrol.agent.llm.ReportCheck.NOT_IN_LOGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The check of a model's report against the session's logs and the organization's deployments. */
class ReportCheckTest {
    private static final String REAL = "2025-06-20T10:37:30.113Z [ERROR] auth-service - Authentication system error "
            + "for user user_1062 from 192.168.152.169 - Error: Identity provider certificate expired - RequestID: "
            + "k92x86k8msd";
    private static final String MADE_UP = "2026-11-28T15:00:44Z FATAL java.lang.OutOfMemoryError: Java heap space";
    /** The session's logs: the real line is line 1, as in the shared incident case it comes from. */
    private static final SessionFacts FACTS = AnalystReports.facts("Show me the errors", Json.object().put("logs",
            REAL + "\n2025-06-20T10:37:30.113Z [ERROR] payment-service - PostgreSQL query failed: syntax error at "
                    + "or near \"SELCT\""));
    private static final String KNOWN_SHA = "9f3c2e1d4b5a69788796a5b4c3d2e1f0a9b8c7d6";

    /** A report as models write them: prose quotes, bold list items, a deploy to roll back. */
    private static final String LLM_REPORT = """
            ## Summary

            The identity provider's certificate expired (`%s`), and the service then ran out of memory after \
            deploy abc1234 (`%s`).

            ## Findings

            1. **Certificate expired**: every login through the identity provider fails.
               - context.logs line 1, 2025-06-20T10:37:30.113Z: `%s`
            2. **Out of memory**: the JVM crashed.
               - context.logs line 9, 2026-11-28T15:00:44Z: `%s`

            ## Likely cause

            1. Expired identity provider certificate (confidence: high)
            2. Deploy abc1234 leaks memory (confidence: medium)

            ## Timeline

            - 10:37:30 UTC: the first failed login.

            ## Recommended actions

            1. Renew the identity provider certificate
            2. Roll back abc1234
            3. Roll back %s if the errors go on

            ## Not checked

            - Metrics: no project named.
            """.formatted(REAL, MADE_UP, REAL, MADE_UP, KNOWN_SHA.substring(0, 7));

    @Test
    void a_made_up_quote_and_deployment_are_marked_where_they_stand_and_the_real_ones_are_not() {
        ReportCheck.Checked c = new ReportCheck(withDeployments()).check(LLM_REPORT,
                AnalystReports.before(FACTS));

        String md = c.report().markdown();
        assertThat(md).startsWith("> **Unverified:** 1 of 2 quoted log lines is not in the session's logs: `"
                + MADE_UP + "`. Deployment abc1234 is not among the organization's deployments, so \"Roll back "
                + "abc1234\" is not offered as a key action.");
        assertThat(md).contains("`" + MADE_UP + "` " + NOT_IN_LOGS).doesNotContain("`" + REAL + "` " + NOT_IN_LOGS)
                .contains("after deploy abc1234 " + NOT_DEPLOYED).contains("Deploy abc1234 " + NOT_DEPLOYED)
                .contains("Roll back 9f3c2e1 if").doesNotContain("9f3c2e1 " + NOT_DEPLOYED);
        assertThat(c.report().description()).as("the summary the CLI shows carries the marks").contains(NOT_IN_LOGS);
        assertThat(c.report().outcome()).as("its first sentence, though cut before the mark").startsWith("Unverified: ");
        assertThat(c.report().keyActions()).containsExactly("Renew the identity provider certificate",
                "Roll back 9f3c2e1 if the errors go on");
        assertThat(c.text()).isEqualTo("Checked the LLM's report: 2 quoted log lines, 1 found in the logs and 1 not found (`"
                + MADE_UP + "`); 2 deployments named, 1 not among the organization's deployments (abc1234)");
        assertThat(c.findings()).singleElement().satisfies(f -> {
            assertThat(f.path("title").asText()).isEqualTo("Certificate expired");
            assertThat(f.path("detail").asText()).isEqualTo("every login through the identity provider fails.");
            assertThat(f.path("evidence")).singleElement().satisfies(q -> {
                assertThat(q.path("source").asText()).isEqualTo("context.logs");
                assertThat(q.path("line").asInt()).isEqualTo(1);
                assertThat(q.path("timestamp").asText()).isEqualTo("2025-06-20T10:37:30.113Z");
                assertThat(q.path("text").asText()).isEqualTo(REAL);
            });
        });
    }

    @Test
    void a_made_up_line_in_a_code_block_is_marked_after_the_block_not_inside_it() {
        String md = "## Findings\n\n```\n" + MADE_UP + "\n```\nThe JVM crashed.\n";
        String checked = new ReportCheck(AnalystReports.LOG_TOOLS).check(md, AnalystReports.before(FACTS)).report()
                .markdown();

        assertThat(checked).contains("```\n" + MADE_UP + "\n```\n(not found in the logs: `" + MADE_UP
                + "`)\nThe JVM crashed.");
    }

    /** Models quote log lines outside code as well: in tables, indented or pre blocks, and double quotes. */
    private static final String UNFENCED = """
            ## Findings

            | Time | Line |
            |------|------|
            | 10:00:05 | 2026-01-15T10:00:05Z FATAL OutOfMemoryError in payment-gateway heap exhausted |
            | 10:37:30 | %s |
            | 10:40 | Errors went on for an hour |

            The heap ran out:

                %s

            <pre>2026-11-28T15:00:50Z ERROR payment-gateway - heap dump written</pre>

            It logged "2026-11-28T15:01:00Z WARN gc overhead limit exceeded" and "connection refused" at 10:00:05.
            """.formatted(REAL, MADE_UP);

    @Test
    void log_lines_quoted_in_table_cells_indented_and_pre_blocks_and_double_quotes_are_looked_up() {
        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(UNFENCED, AnalystReports.before(FACTS));

        assertThat(c.report().markdown())
                .contains("heap exhausted " + NOT_IN_LOGS + " |\n")
                .contains("    " + MADE_UP + "\n(not found in the logs: `" + MADE_UP + "`)\n")
                .contains("heap dump written</pre>\n(not found in the logs: `2026-11-28T15:00:50Z ERROR")
                .contains("gc overhead limit exceeded\" " + NOT_IN_LOGS + " and \"connection refused\" at 10:00:05.")
                .contains("| " + REAL + " |\n").contains("| 10:00:05 |").contains("| Errors went on for an hour |");
        assertThat(c.data().path("quotes_checked").asInt()).isEqualTo(5);
        assertThat(c.data().path("quotes_found").asInt()).isEqualTo(1);
    }

    @Test
    void quotes_past_the_most_looked_up_are_counted_in_the_note_though_unmarked() {
        List<String> quotes = IntStream.rangeClosed(60, REAL.length())
                .mapToObj(n -> REAL.substring(0, n).strip()).distinct().limit(ReportCheck.MAX_QUOTES + 2).toList();
        String report = ModelReports.complete("Logins fail.", quotes);

        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(report, AnalystReports.before(FACTS));

        assertThat(c.report().markdown()).isEqualTo("> **Unverified:** 2 of 32 quoted log lines were not looked up "
                + "in the logs (only the first 30 are).\n\n" + report);
    }

    /** A search that fails leaves its quotes unmarked, and the note says why rather than blaming a limit. */
    @Test
    void quotes_whose_search_failed_are_counted_in_the_note_with_the_reason() {
        Tool failing = StubTool.of("search_logs", (args, session) -> {
            throw new IllegalStateException("the search ran into a wall");
        });
        String report = ModelReports.complete("Logins fail.", List.of(REAL));

        ReportCheck.Checked c = new ReportCheck(Map.of("search_logs", failing)).check(report,
                AnalystReports.before(FACTS));

        assertThat(c.report().markdown()).startsWith("> **Unverified:** 1 of 1 quoted log line was not looked up in "
                + "the logs: the search failed or ran out of time.");
    }

    /** No metric was read, yet the report gives an error rate and a latency: those can only be made up. */
    private static final String METRIC_REPORT = """
            ## Summary

            Logins fail since the certificate expired; the error rate rose from 0.1% to 45% and p95 latency hit \
            12.5s. The request's error rate of 5.2% matches.

            ## Findings

            1. Latency went to 12.5 s (query_metrics).

            ## Recommended actions

            1. Renew the certificate; page the team if the error rate stays above 2% for 10 minutes.
            """;

    @Test
    void metric_figures_in_a_session_that_read_no_metric_are_marked_unless_the_request_gave_them() {
        SessionFacts facts = AnalystReports.facts("Logins fail", Json.object().put("error_rate", "5.2%")
                .put("logs", REAL));
        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(METRIC_REPORT,
                AnalystReports.before(facts));

        String md = c.report().markdown();
        assertThat(md).contains("p95 latency hit 12.5s " + MetricFigures.NOT_MEASURED + ".")
                .contains("Latency went to 12.5 s (query_metrics) " + MetricFigures.NOT_MEASURED)
                .contains("error rate of 5.2% matches.").contains("above 2% for 10 minutes.\n")
                .startsWith("> **Unverified:** 2 sentences give figures for metrics this session did not read: "
                        + "\"the error rate rose from 0.1% to 45% and p95 latency hit 12.5s\" and \"Latency went to "
                        + "12.5 s (query_metrics)\". ");
        assertThat(c.report().outcome()).as("the CLI line carries the mark").contains(MetricFigures.NOT_MEASURED);
        assertThat(c.text()).endsWith("; 2 sentences with metric figures, though those metrics were not read");
        assertThat(c.data().path("metric_figures_unmeasured")).hasSize(2);
    }

    @Test
    void metric_figures_stay_unmarked_once_a_metrics_tool_returned_those_metrics() {
        SessionFacts facts = AnalystReports.facts("Logins fail", Json.object().put("logs", REAL));
        ObjectNode data = Json.object();
        data.putArray("data").addObject().put("name", "http_error_rate").put("last", 0.45);
        data.withArray("data").addObject().put("name", "http_request_duration_p95").put("last", 12.4);
        List<Entry> timeline = List.of(new Entry(1, "tool_result", "2 metrics", data.put("tool", "query_metrics")
                .put("status", "ok").put("call_seq", 0), Instant.EPOCH));
        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(METRIC_REPORT,
                new History(facts, timeline, Instant.EPOCH));

        assertThat(c.report().markdown()).isEqualTo(METRIC_REPORT);
    }

    /** A result that judged CPU only and says the error rate could not be read has read no error rate. */
    @Test
    void a_metric_a_result_names_only_in_its_problems_was_not_read() {
        SessionFacts facts = AnalystReports.facts("Logins fail", Json.object().put("logs", REAL));
        ObjectNode data = Json.object();
        ObjectNode check = data.putObject("data");
        check.putArray("metrics").addObject().put("name", "cpu_seconds").put("baseline", 0.4).put("current", 0.5);
        check.putArray("problems").add("error_rate not checked: Prometheus answered 502");
        List<Entry> timeline = List.of(new Entry(1, "tool_result", "error_rate not checked; cpu_seconds passed",
                data.put("tool", "compare_windows").put("status", "ok").put("call_seq", 0), Instant.EPOCH));
        String report = "## Summary\n\nThe error rate rose to 12% after the deploy.\n";

        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(report,
                new History(facts, timeline, Instant.EPOCH));

        assertThat(c.report().markdown()).contains("rose to 12% after the deploy " + MetricFigures.NOT_MEASURED);
    }

    /** The request brought its error rate only: the model saw it, and no latency or CPU at all. */
    @Test
    void a_figure_is_marked_when_its_own_metric_was_not_read_though_others_were() {
        ObjectNode context = Json.object().put("service", "checkout").put("logs", REAL);
        context.putObject("metrics").putArray("error_rate").add(0.01).add(0.02).add(0.03);
        String report = "## Summary\n\nError rate rose from 0.3% to 97%… p99 latency 4.2s; CPU at 99%.\n";
        SessionFacts facts = AnalystReports.facts("Checkout fails", context);
        ReportCheck.Checked c = new ReportCheck(AnalystReports.LOG_TOOLS).check(report,
                AnalystReports.before(facts));

        assertThat(c.report().markdown()).contains("p99 latency 4.2s " + MetricFigures.NOT_MEASURED + ";")
                .contains("CPU at 99% " + MetricFigures.NOT_MEASURED + ".");
        assertThat(c.data().path("metric_figures_unmeasured")).hasSize(2);

        String fromTheErrorRate = "## Summary\n\nThe error rate rose from 1% to 3%.\n";
        assertThat(new ReportCheck(AnalystReports.LOG_TOOLS).check(fromTheErrorRate, AnalystReports.before(facts))
                .report().markdown()).isEqualTo(fromTheErrorRate);
    }

    /** The log tools, and a store that knows one deployment of the commit {@value #KNOWN_SHA}. */
    private static Map<String, Tool> withDeployments() {
        ArrayNode listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "0192f3a4-5b6c-7d8e-9f00-112233445566").put("commit_sha", KNOWN_SHA)
                .put("created_at", "2025-06-20T10:30:00Z").put("repository_full_name", "acme/auth");
        Map<String, Tool> tools = new HashMap<>(AnalystReports.LOG_TOOLS);
        tools.put("list_deployments", StubTool.of("list_deployments", (a, s) -> ToolResult.ok("1 deployment", listed)));
        tools.put("get_deployment", StubTool.of("get_deployment", (a, s) -> ToolResult.noData("no deployment")));
        return tools;
    }
}
