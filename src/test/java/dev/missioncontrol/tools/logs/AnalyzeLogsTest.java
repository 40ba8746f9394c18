package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalyzeLogsTest {

    static SessionFacts session(String id, JsonNode context) {
        return new SessionFacts(id, "o", null, "root_cause_analysis", "p", context, Instant.now());
    }

    static JsonNode records() {
        var context = Json.object();
        var logs = context.putArray("logs");
        for (int i = 0; i < 2000; i++) {
            logs.add(Json.object().put("timestamp", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString())
                    .put("level", "INFO").put("service", "web").put("message", "OK").put("status", 200));
        }
        logs.add(Json.object().put("timestamp", "2026-01-01T00:40:00Z").put("level", "ERROR").put("service", "web")
                .put("message", "Database connection timeout: Could not acquire connection from pool after 30s"));
        context.putObject("tool_outputs").put("kubectl_get_pods", "web-7d9   1/1   Running   0   5m");
        return context;
    }

    /** The miner's <*> can cut a secret into pieces no redaction rule knows; the template is masked as its line is. */
    @Test
    void no_piece_of_a_secret_survives_in_a_mined_template() {
        String logs = "2026-11-29T11:00:01Z INFO upload started\n"
                + "2026-11-29T11:00:03Z ERROR upload failed with key AKIAIOSFODNN7EXAMPLE / "
                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        ToolResult r = new AnalyzeLogs(new MinedLogs(2)).run(Json.object(),
                session("secret", Json.object().put("logs", logs)));

        String sent = r.data().toString();
        assertThat(sent).contains("upload failed with key").doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("bPxRfiCYEXAMPLEKEY").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    /**
     * The log parser takes a header's name ({@code password:}, {@code Cookie:}) for the component and leaves the value
     * as the message; every field read from a line is read from the line redacted whole, with its name.
     */
    @Test
    void no_field_read_from_a_line_holds_a_secret_its_header_names() {
        var files = Json.object();
        String[] lines = {"INFO password: PlainPwHdrLeak6x", "DEBUG Cookie: sessionid=CookieLeak123abc; csrf=1",
                "DEBUG X-Api-Key: XapiLeak12345678", "DEBUG Set-Cookie: sid=SetCookieLeak44; Path=/",
                "DEBUG Proxy-Authorization: Digest username=\"u\", response=\"DigestRespLeak5ab\""};
        for (int i = 0; i < lines.length; i++) {
            files.put("f" + i + ".log", "2026-11-29T11:00:0" + i + "Z " + lines[i] + "\n");
        }
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("headers", Json.object().set("logs", files)));

        assertThat(r.data().path("templates")).hasSize(lines.length);
        assertThat(r.data().toString()).doesNotContain("PlainPwHdrLeak6x", "CookieLeak123abc", "XapiLeak12345678",
                "SetCookieLeak44", "DigestRespLeak5ab");
        assertThat(r.data().at("/templates/0/message").asText()).isEqualTo("[REDACTED]");
        assertThat(r.data().at("/templates/0/components/0").asText()).as("a header's name stays").isEqualTo("password");
    }

    /** The line, time and text the tool gives for a template's first occurrence are those of one and the same line. */
    @Test
    void a_templates_first_line_time_and_sample_agree_when_the_log_is_out_of_time_order() {
        String logs = "2026-11-30T09:05:00Z INFO billing ok\n"
                + "2026-11-30T09:05:01Z ERROR upstream billing failed: context deadline exceeded (pod-a)\n"
                + "2026-11-30T09:05:02Z INFO billing ok\n"
                + "2026-11-30T09:05:03Z INFO billing ok\n"
                + "2026-11-30T09:01:00Z ERROR upstream billing failed: context deadline exceeded (pod-b)\n";
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("order", Json.object().put("logs", logs)));

        JsonNode failed = null;
        for (JsonNode t : r.data().path("templates")) {
            failed = t.path("errors").asLong() > 0 ? t : failed;
        }
        assertThat(failed.path("first_seen").asText()).isEqualTo("2026-11-30T09:01:00Z");
        assertThat(failed.path("first_line").asLong()).isEqualTo(5);
        assertThat(failed.path("sample").asText()).startsWith("2026-11-30T09:01:00Z").endsWith("(pod-b)");
    }

    /** kubectl logs of a logger writing to a TTY: colour codes around the time and level hide both if left in. */
    @Test
    void a_coloured_paste_is_read_with_its_times_and_levels_and_shown_without_the_codes() {
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            logs.append("\u001B[32m2026-11-30T09:01:0%dZ\u001B[0m \u001B[31mERROR\u001B[0m redis: dial tcp 10.0.0.7:6379: i/o timeout\n"
                    .formatted(i));
        }
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("ansi", Json.object().put("logs", logs.toString())));

        JsonNode t = r.data().at("/templates/0");
        assertThat(t.path("errors").asLong()).isEqualTo(3);
        assertThat(t.path("first_seen").asText()).isEqualTo("2026-11-30T09:01:00Z");
        assertThat(t.path("sample").asText())
                .isEqualTo("2026-11-30T09:01:00Z ERROR redis: dial tcp 10.0.0.7:6379: i/o timeout");
    }

    /**
     * The template of a single-line blob is the blob: whole, it would fill the timeline and an LLM's token budget.
     * What the tool returns of it is cut, still redacted where the cut falls.
     */
    @Test
    void a_megabyte_single_line_is_cut_in_every_field_returned() {
        String blob = ("A".repeat(3000) + " ").repeat(400);
        String logs = "2026-11-29T11:00:01Z INFO api started\n"
                + "2026-11-29T11:00:02Z ERROR api request body dump: " + "x".repeat(1960) + " password=LeakAtCut99x "
                + blob + "\n";
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("blob", Json.object().put("logs", logs)));

        String sent = r.data().toString();
        assertThat(sent.length()).isLessThan(64 * 1024);
        assertThat(sent).contains("api request body dump: xxx").doesNotContain("LeakAtCut99x");
    }

    /** A trend's label is the words before its number, and its values are numbers: either may be the secret. */
    @Test
    void a_trend_shows_neither_a_secret_among_its_label_words_nor_a_number_that_is_one() {
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            logs.append("2026-11-29T11:%02d:00Z WARN login user=u%d password=TmplLeak%02dQx failed after %dms\n"
                    .formatted(i, i, i, 100 + 40 * i + (i % 3) * 7));
            logs.append("2026-11-29T11:%02d:30Z INFO db login password=%d ok\n".formatted(i, 1000 + i * i * 37));
        }
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("trend", Json.object().put("logs", logs.toString())));

        JsonNode trends = r.data().path("trends");
        assertThat(trends).extracting(t -> t.path("label").asText()).containsExactly("password [REDACTED] failed");
        assertThat(trends.toString()).doesNotContain("TmplLeak");
    }

    /** A template's sample is one event, but the line that makes it a secret may be the event before or after it. */
    @Test
    void a_sample_is_redacted_among_the_lines_around_it() {
        String t = "2026-11-29T10:00:05.000Z ";
        String logs = String.join("\n", t + "INFO loading key", t + "-----BEGIN RSA PRIVATE KEY-----",
                t + "PemTail4Leak9Zq==", t + "-----END RSA PRIVATE KEY-----", t + "INFO key loaded");
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("pem", Json.object().put("logs", logs)));

        assertThat(r.data().path("templates")).extracting(n -> n.path("sample").asText())
                .contains(t + "INFO loading key", t + "[REDACTED]", t + "INFO key loaded");
        assertThat(r.data().toString()).doesNotContain("PemTail4");
    }

    @Test
    void mines_json_records_into_templates_with_the_needle_first() {
        ToolResult r = new AnalyzeLogs(new MinedLogs(2)).run(Json.object(), session("a", records()));
        assertThat(r.status()).isEqualTo(ToolResult.Status.OK);
        JsonNode templates = r.data().path("templates");
        JsonNode needle = templates.get(0);
        assertThat(needle.path("problem").asText()).isEqualTo("level ERROR");
        assertThat(needle.path("first_seen").asText()).isEqualTo("2026-01-01T00:40:00Z");
        assertThat(needle.path("components").get(0).asText()).isEqualTo("web");
        assertThat(needle.path("sample").asText()).contains("Could not acquire connection from pool after 30s");
        assertThat(needle.path("histogram").isArray()).isTrue();
        assertThat(r.data().path("sources")).extracting(s -> s.path("name").asText())
                .containsExactly("context.logs", "context.tool_outputs.kubectl_get_pods");
    }

    /** Lines of one shape with too many variants to keep apart share a catch-all, and the answer says so. */
    @Test
    void a_catch_all_template_is_flagged_and_its_events_counted() {
        java.util.Random random = new java.util.Random(7);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            log.append("2025-06-15T13:00:00Z ERROR request failed");
            for (int w = 0; w < 6; w++) {
                log.append(' ').append(Long.toString(26L * 26 * 26 * 26 + random.nextInt(1 << 20), 36)
                        .replaceAll("[0-9]", "q"));
            }
            log.append('\n');
        }
        ToolResult r = new AnalyzeLogs(new MinedLogs(2)).run(Json.object(),
                session("c", Json.object().put("logs", log.toString())));

        long loose = r.data().path("sources").get(0).path("catch_all_events").asLong();
        assertThat(loose).isPositive();
        assertThat(r.summary()).contains("(" + loose + " events in catch-all templates)");
        assertThat(r.data().path("templates")).anyMatch(t -> t.path("catch_all").asBoolean())
                .filteredOn(t -> !t.path("catch_all").asBoolean()).allMatch(t -> !t.has("catch_all"));
    }

    @Test
    void mines_a_session_once_and_filters_by_level_and_service() {
        MinedLogs cache = new MinedLogs(2);
        SessionFacts s = session("b", records());
        assertThat(cache.of(s, LogFilter.NONE)).isSameAs(cache.of(s, LogFilter.NONE));
        ToolResult errors = new AnalyzeLogs(cache).run(Json.object().put("level", "ERROR"), s);
        assertThat(errors.data().path("sources").get(0).path("events").asLong()).isEqualTo(1);
        ToolResult none = new AnalyzeLogs(cache).run(Json.object().put("service", "billing"), s);
        assertThat(none.status()).isEqualTo(ToolResult.Status.NO_DATA);
    }

    @Test
    void several_log_files_are_sources_of_their_own_with_their_own_line_numbers() {
        var context = Json.object();
        context.putObject("logs").put("spark.log", "2026-01-01T00:00:00Z INFO spark - started\n"
                + "2026-01-01T00:00:01Z ERROR spark - executor lost").put("sshd.log",
                "2026-01-01T00:00:02Z ERROR sshd - Connection reset by peer");
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(), session("files", context));
        assertThat(r.data().path("sources")).extracting(n -> n.path("name").asText())
                .containsExactly("context.logs.spark.log", "context.logs.sshd.log");
        assertThat(r.data().toString()).contains("\"lines\":2").contains("\"lines\":1");
    }

    @Test
    void a_traceback_after_an_info_line_is_an_error_template_named_by_its_exception() {
        String traceback = """
                2026-11-29 18:01:02,201 INFO app.reports: building monthly report for tenant %d
                Traceback (most recent call last):
                  File "/srv/app/db.py", line 41, in fetch_all
                    raise DatabaseError("could not serialize access due to concurrent update")
                app.db.DatabaseError: could not serialize access due to concurrent update
                """;
        String logs = traceback.formatted(42) + traceback.formatted(43);
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(),
                session("py", Json.object().put("logs", logs)));
        JsonNode problem = r.data().path("templates").get(0);
        assertThat(problem.path("problem").asText()).isEqualTo("level ERROR");
        assertThat(problem.path("count").asLong()).isEqualTo(2);
        assertThat(problem.path("template").asText())
                .isEqualTo("app.db.DatabaseError: could not serialize access due to concurrent update");
        assertThat(problem.path("message").asText()).as("read from the sample as the digest read it")
                .isEqualTo("app.db.DatabaseError: could not serialize access due to concurrent update");
    }

    @Test
    void says_no_data_without_logs() {
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(), session("c", Json.object()));
        assertThat(r.status()).isEqualTo(ToolResult.Status.NO_DATA);
    }

    /** A session started on 2 January reads a syslog line of 31 December as last year's, as search_logs does. */
    @Test
    void a_yearless_line_is_dated_from_the_sessions_start_not_from_the_servers_clock() {
        var session = new SessionFacts("y", "o", null, "root_cause_analysis", "p",
                Json.object().put("logs", "Dec 31 23:58:00 web nginx[12]: upstream timed out\n"),
                Instant.parse("2024-01-02T08:00:00Z"));
        ToolResult r = new AnalyzeLogs(new MinedLogs(1)).run(Json.object(), session);
        assertThat(r.data().at("/templates/0/first_seen").asText()).isEqualTo("2023-12-31T23:58:00Z");
    }

    @Test
    void the_mined_template_is_redacted_like_the_sample() {
        String logs = "2026-01-01T10:00:00Z INFO api - boot with aws_secret_access_key="
                + "LogAwsSecret0abcdefghij/klmnopqrstuvwxyzA\n"
                + "2026-01-01T10:00:01Z WARN api - upstream refused Bearer abcdefghijklmnopqrstuvwxyzABCDEF\n";
        ToolResult r = new AnalyzeLogs(new MinedLogs(2)).run(Json.object(),
                session("t", Json.object().put("logs", logs)));
        assertThat(r.data().path("templates")).extracting(t -> t.path("template").asText())
                .contains("boot with aws_secret_access_key=[REDACTED]", "upstream refused Bearer [REDACTED]");
    }
}
