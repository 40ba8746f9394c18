package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a report shows in backticks as a line of the logs is text a reader finds in the logs. */
class QuotedLinesReportTest {
    private final Playbook playbook = new Playbook();

    private static final String ACCESS = """
            10.0.8.132 - - [30/Nov/2026:20:38:22 +0100] "POST /api/partner/quote HTTP/1.1" 200 502 "-" "shop-web/5.0"
            10.0.8.133 - - [30/Nov/2026:20:50:22 +0100] "POST /api/partner/quote HTTP/1.1" 200 488 "-" "shop-web/5.0"
            10.0.4.124 - - [30/Nov/2026:21:04:59 +0100] "POST /api/partner/quote HTTP/1.1" 502 260 "-" "shop-web/5.0"
            10.0.4.125 - - [30/Nov/2026:21:05:10 +0100] "POST /api/partner/quote HTTP/1.1" 502 260 "-" "shop-web/5.0"
            10.0.4.126 - - [30/Nov/2026:21:05:40 +0100] "POST /api/partner/quote HTTP/1.1" 502 260 "-" "shop-web/5.0"
            """;

    private String report(String question, String logs) {
        return playbook.run(Playbook.facts(question, logs)).report().markdown();
    }

    /** The code spans of the report that are no template and no field name: what it quotes as written. */
    private static List<String> lines(String report) {
        return ReportAssertions.quoted(report).stream().filter(q -> !q.contains("<*>") && !q.startsWith("context."))
                .toList();
    }

    @Test
    void an_access_logs_first_bad_line_is_quoted_as_the_log_writes_it() {
        String md = report("Why does the partner quote fail?", ACCESS);
        assertThat(md).contains("is `\"POST /api/partner/quote HTTP/1.1\" 502 260 \"-\" \"shop-web/5.0\"`");
        assertThat(lines(md)).isNotEmpty().allSatisfy(q -> assertThat(ACCESS).contains(q));
    }

    @Test
    void a_request_line_is_quoted_without_the_status_class_it_is_grouped_by() {
        String logs = """
                2026-01-01T10:00:00Z INFO  api - started
                GET /api/users 200 12ms
                GET /api/users 500 30012ms
                GET /api/users 500 30008ms
                """;
        String md = report("Why do users get errors?", logs);
        assertThat(md).contains("is `GET /api/users 500 30012ms`").doesNotContain("`5xx GET /api");
        assertThat(lines(md)).isNotEmpty().allSatisfy(q -> assertThat(logs).contains(q));
    }
}
