package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogDigestTest {

    private static final String LOG = """
            2024-01-01T00:00:00Z INFO request 1 served in 12ms
            2024-01-01T00:00:01Z INFO request 2 served in 15ms
            2024-01-01T00:00:02Z ERROR database timeout after 3000ms
            java.sql.SQLTimeoutException: timeout
            \tat db.Pool.get(Pool.java:42)
            2024-01-01T00:00:05Z INFO request 3 served in 11ms
            2024-01-01T00:00:09Z ERROR database timeout after 2500ms
            """;

    @Test
    void counts_templates_levels_and_first_occurrence() {
        LogAnalysis analysis = LogDigest.analyze(new StringReader(LOG));
        assertThat(analysis.events()).isEqualTo(5);
        assertThat(analysis.lines()).isEqualTo(7);
        assertThat(analysis.errors()).isEqualTo(2);
        TemplateSummary served = analysis.templates().get(0);
        assertThat(served.template()).isEqualTo("request <*> served in <*>");
        assertThat(served.count()).isEqualTo(3);
        TemplateSummary timeout = analysis.templates().get(1);
        assertThat(timeout.errors()).isEqualTo(2);
        assertThat(timeout.mainLevel()).isEqualTo("ERROR");
        assertThat(timeout.firstSeen()).isEqualTo(Instant.parse("2024-01-01T00:00:02Z"));
        assertThat(timeout.lastSeen()).isEqualTo(Instant.parse("2024-01-01T00:00:09Z"));
        assertThat(timeout.firstLineNo()).isEqualTo(3);
        assertThat(timeout.sample()).contains("SQLTimeoutException");
    }

    /** kubectl logs -l pastes one pod's lines after another's: a template's first line is then not its earliest. */
    @Test
    void the_sample_is_the_earliest_event_so_its_line_and_time_are_one_lines() {
        String pods = """
                2024-01-01T00:05:00Z ERROR upstream billing timed out (pod a)
                2024-01-01T00:06:00Z ERROR upstream billing timed out (pod a)
                2024-01-01T00:01:00Z ERROR upstream billing timed out (pod b)
                2024-01-01T00:02:00Z ERROR upstream billing timed out (pod b)
                """;
        TemplateSummary t = LogDigest.analyze(new StringReader(pods)).templates().get(0);

        assertThat(t.firstSeen()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
        assertThat(t.firstLineNo()).isEqualTo(3);
        assertThat(t.sample()).startsWith("2024-01-01T00:01:00Z").endsWith("(pod b)");
    }

    @Test
    void keeps_access_lines_of_each_status_class_apart_so_5xx_times_and_counts_are_their_own() {
        String line = "10.0.0.%d - - [29/Nov/2026:18:%02d:%02d +0000] \"GET /api/cart HTTP/1.1\" %d 157 \"-\" "
                + "\"curl/8\"%n";
        StringBuilder log = new StringBuilder();
        for (int second = 0; second < 600; second += 5) {
            boolean outage = second >= 300 && second < 420;
            log.append(line.formatted(second % 200, second / 60, second % 60, outage ? 502 + second % 3 : 200));
        }
        log.append(line.formatted(7, 9, 59, 404));
        LogAnalysis analysis = LogDigest.analyze(new StringReader(log.toString()));

        String shape = " GET <*> HTTP/<*> <*> <*> \"-\" \"curl/<*>\"";
        assertThat(analysis.templates()).extracting(TemplateSummary::template)
                .containsExactly("2xx" + shape, "5xx" + shape, "4xx" + shape);
        TemplateSummary failed = analysis.templates().get(1);
        assertThat(failed.count()).isEqualTo(24);
        assertThat(failed.errors()).isEqualTo(24);
        assertThat(failed.firstSeen()).isEqualTo(Instant.parse("2026-11-29T18:05:00Z"));
        assertThat(failed.lastSeen()).isEqualTo(Instant.parse("2026-11-29T18:06:55Z"));
        assertThat(analysis.templates().get(0).errors()).isZero();
    }

    @Test
    void keeps_histograms_bounded_however_long_the_log_spans() {
        StringBuilder log = new StringBuilder();
        for (int day = 1; day <= 28; day++) {
            log.append(String.format("2024-02-%02dT10:00:00Z INFO heartbeat ok%n", day));
        }
        LogAnalysis analysis = LogDigest.analyze(new StringReader(log.toString()));
        long[] histogram = analysis.templates().get(0).histogram();
        assertThat(histogram.length).isLessThanOrEqualTo(Timeline.BUCKETS);
        assertThat(java.util.Arrays.stream(histogram).sum()).isEqualTo(28);
        assertThat(analysis.timed()).isTrue();
    }

    @Test
    void uses_line_numbers_as_the_axis_when_the_log_has_no_time() {
        LogAnalysis analysis = LogDigest.analyze(new StringReader("job started\njob started\njob done\n"));
        assertThat(analysis.timed()).isFalse();
        assertThat(analysis.templates()).extracting(TemplateSummary::count).containsExactly(2L, 1L);
    }

    @Test
    void a_long_events_sample_is_cut_between_words_never_inside_a_secret() {
        String head = "2024-01-01T00:00:00Z ERROR upload failed " + "context ".repeat(244); // 1,993 characters
        String line = head + "AKIAIOSFODNN7EXAMPLE was refused\n";

        String sample = LogDigest.analyze(new StringReader(line)).templates().get(0).sample();

        assertThat(sample).doesNotContain("AKIA").hasSizeLessThanOrEqualTo(TemplateTally.SAMPLE_CHARS)
                .endsWith("context");
    }

    @Test
    void says_how_many_events_a_catch_all_template_grouped_loosely() {
        String log = String.join("\n", RandomTailLines.of(TemplateMiner.MAX_TEMPLATES_PER_LEAF + 30));
        LogAnalysis analysis = LogDigest.analyze(new StringReader(log));

        assertThat(analysis.catchAllEvents()).isEqualTo(30);
        assertThat(analysis.templates()).filteredOn(TemplateSummary::catchAll).singleElement()
                .extracting(TemplateSummary::count).isEqualTo(30L);
        StringWriter report = new StringWriter();
        new LogSummaryReport(analysis, 5).print(new PrintWriter(report));
        assertThat(report.toString()).contains("30 events are in catch-all templates");
    }
}
