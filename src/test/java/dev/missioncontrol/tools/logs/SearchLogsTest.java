package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchLogsTest {
    static final String LOGS = """
            2026-01-01T00:00:01Z INFO api - started
            2026-01-01T00:00:02Z INFO api - GET /a 200
            2026-01-01T00:00:03Z ERROR api - query failed: syntax error at "SELCT"
            2026-01-01T00:00:04Z INFO api - GET /b 200
            2026-01-01T00:00:05Z ERROR api - query failed: duplicate key 17
            2026-01-01T00:00:06Z ERROR api - query failed: duplicate key 18
            2026-01-01T00:00:07Z INFO api - done
            """;

    static SessionFacts session(JsonNode context) {
        return new SessionFacts("s", "o", null, "root_cause_analysis", "p", context, Instant.parse("2026-01-02T00:00:00Z"));
    }

    static ToolResult search(JsonNode args) {
        return new SearchLogs().run(args, session(Json.object().put("logs", LOGS)));
    }

    @Test
    void returns_hits_with_line_numbers_timestamps_neighbours_and_groups() {
        ToolResult r = search(Json.object().put("query", "QUERY FAILED").put("context_lines", 1));
        assertThat(r.status()).isEqualTo(ToolResult.Status.OK);
        JsonNode first = r.data().path("matches").get(0);
        assertThat(first.path("line").asLong()).isEqualTo(3);
        assertThat(first.path("timestamp").asText()).isEqualTo("2026-01-01T00:00:03Z");
        assertThat(first.path("before").get(0).path("text").asText()).endsWith("GET /a 200");
        assertThat(first.path("after").get(0).path("text").asText()).endsWith("GET /b 200");
        assertThat(r.data().path("total_matches").asLong()).isEqualTo(3);
        assertThat(r.data().path("groups")).hasSize(2);
        assertThat(r.data().path("groups").get(0).path("count").asLong()).isEqualTo(2);
    }

    /** An error worded like the healthy lines it was found among is a group of its own, as analyze_logs mines it. */
    @Test
    void an_error_shaped_like_the_healthy_hits_is_grouped_apart() {
        String logs = """
                2026-01-01T10:00:00Z INFO orders - POST /orders 201 in 41ms
                2026-01-01T10:00:05Z INFO orders - POST /orders 201 in 38ms
                2026-01-01T10:00:10Z ERROR orders - POST /orders failed: upstream timeout
                """;
        ToolResult r = new SearchLogs().run(Json.object().put("query", "POST /orders"),
                session(Json.object().put("logs", logs)));

        assertThat(r.data().path("groups")).hasSize(2);
        assertThat(r.data().path("groups").toString()).contains("POST /orders failed: upstream timeout");
    }

    @Test
    void a_syslog_line_without_a_year_is_dated_before_the_session_not_in_its_future() {
        ToolResult r = new SearchLogs().run(Json.object().put("query", "Failed password"), session(Json.object()
                .put("logs", "Dec 10 06:55:46 web-1 sshd[24200]: Failed password for root from 10.0.0.5\n")));
        assertThat(r.data().path("matches").get(0).path("timestamp").asText()).isEqualTo("2025-12-10T06:55:46Z");
    }

    /** Counts that could spell out a masked secret a character at a time are counts of what the caller sees. */
    @Test
    void a_search_that_matches_only_inside_a_masked_secret_finds_nothing() {
        String logs = "2026-01-01T00:00:01Z INFO api - using key AKIAIOSFODNN7EXAMPLE for s3\n"
                + "2026-01-01T00:00:02Z INFO api - connect postgres://app:hunter2sekrit@db:5432/orders\n";
        SessionFacts facts = session(Json.object().put("logs", logs));

        for (String probe : new String[] {"AKIAIOSF", "hunter2", "AKIA.*EXAMPLE"}) {
            ToolResult r = new SearchLogs().run(Json.object().put("query", probe).put("regex", true), facts);
            assertThat(r.status()).as(probe).isEqualTo(ToolResult.Status.NO_DATA);
            assertThat(r.summary()).as("why a value seen masked is not found")
                    .endsWith("; values masked as secrets are not searched");
        }
        ToolResult around = new SearchLogs().run(Json.object().put("query", "postgres://app"), facts);
        assertThat(around.data().path("total_matches").asLong()).isEqualTo(1);
        assertThat(around.data().path("matches").get(0).path("text").asText()).doesNotContain("hunter2");
    }

    /** Past the lines every search checks, a secret repeated on thousands of lines still counts as nothing. */
    @Test
    void a_secret_repeated_past_the_checked_lines_is_not_counted_either() {
        String line = "2026-01-01T00:00:01Z INFO api - connect postgres://app:hunter2sekrit@db:5432/orders\n";
        SessionFacts facts = session(Json.object().put("logs", line.repeat(LineSearch.CHECKED_MATCHES + 500)));
        ToolResult r = new SearchLogs().run(Json.object().put("query", "hunter2"), facts);
        assertThat(r.status()).isEqualTo(ToolResult.Status.NO_DATA);
        ToolResult around = new SearchLogs().run(Json.object().put("query", "postgres://app"), facts);
        assertThat(around.data().path("total_matches").asLong()).isEqualTo(LineSearch.CHECKED_MATCHES + 500);
    }

    @Test
    void a_source_filter_that_names_no_source_says_which_sources_there_are() {
        ToolResult r = search(Json.object().put("query", "ERROR").put("source", "nginx"));
        assertThat(r.status()).isEqualTo(ToolResult.Status.NO_DATA);
        assertThat(r.summary()).isEqualTo("no log source's name contains 'nginx'; the sources are context.logs");
    }

    @Test
    void the_summary_shows_a_quoted_phrase_as_its_words_and_counts_one_line_as_one() {
        ToolResult phrase = search(Json.object().put("query", "\\Qquery\\E\\s+\\Qfailed:\\E").put("regex", true));
        assertThat(phrase.summary()).startsWith("3 lines match 'query failed:' in 7 lines searched");
        ToolResult one = search(Json.object().put("query", "SELCT"));
        assertThat(one.summary()).startsWith("1 line matches 'SELCT'");
        ToolResult regex = search(Json.object().put("query", "duplicate key \\d+").put("regex", true));
        assertThat(regex.summary()).startsWith("2 lines match 'duplicate key \\d+'");
    }

    @Test
    void a_number_alone_matches_as_a_whole_number_and_typed_spaces_are_searched_too() {
        SessionFacts facts = session(Json.object().put("logs", """
                2026-01-01T00:00:01.502Z INFO web - GET /a 200 5021
                2026-01-01T00:00:02Z INFO web - GET /b 502 120
                2026-01-01T00:00:03Z INFO web - GET /c 200 1502
                2026-01-01T00:00:04Z WARN web - upstream answered 502.
                """));
        ToolResult number = new SearchLogs().run(Json.object().put("query", "502"), facts);
        assertThat(number.summary()).isEqualTo("2 lines match '502' as a whole number in 4 lines searched");
        assertThat(number.data().path("matches")).extracting(m -> m.path("line").asLong()).containsExactly(2L, 4L);
        assertThat(number.data().path("whole_number").asBoolean()).isTrue();
        assertThat(number.data().path("regex").asBoolean()).isFalse();

        ToolResult spaced = new SearchLogs().run(Json.object().put("query", " 502 "), facts);
        assertThat(spaced.summary()).startsWith("1 line matches ' 502 ' in");
        assertThat(spaced.data().path("whole_number").asBoolean()).isFalse();
    }

    @Test
    void keeps_the_newest_hits_when_asked_for_the_last_ones() {
        ToolResult r = search(Json.object().put("query", "ERROR").put("max_matches", 2).put("last", true));
        assertThat(r.data().path("matches")).extracting(m -> m.path("line").asLong()).containsExactly(5L, 6L);
        assertThat(r.data().path("truncated").asBoolean()).isTrue();
    }

    @Test
    void says_no_data_when_nothing_matches_and_refuses_a_broken_regex() {
        assertThat(search(Json.object().put("query", "OutOfMemory")).status()).isEqualTo(ToolResult.Status.NO_DATA);
        assertThat(search(Json.object().put("query", "(unclosed").put("regex", true)).status())
                .isEqualTo(ToolResult.Status.ERROR);
    }

    @Test
    void stops_a_catastrophically_backtracking_regex_at_its_time_limit() {
        String evil = "a".repeat(30) + "!";
        ToolResult r = new SearchLogs().run(Json.object().put("query", "(.*a){12}b").put("regex", true),
                session(Json.object().put("logs", evil)));
        assertThat(r.data().path("out_of_time").asBoolean()).isTrue();
    }

    @Test
    void searches_arrays_of_json_records_and_tool_outputs() {
        var context = Json.object();
        context.putArray("logs").add(Json.object().put("level", "ERROR").put("message", "Peer down"));
        context.putObject("tool_outputs").put("fetch_logs", "boot\nPeer down");
        ToolResult r = new SearchLogs().run(Json.object().put("query", "peer down"), session(context));
        assertThat(r.data().path("matches")).extracting(m -> m.path("source").asText())
                .containsExactly("context.logs", "context.tool_outputs.fetch_logs");
    }

    @Test
    void masks_a_private_key_split_across_a_hit_and_its_neighbours() {
        String logs = String.join("\n", "2026-01-01T00:00:01Z INFO api - loaded signing key",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq98Xc9mUK4Fz2hG5b1eTqU0ZPzQx9c7n3mYvA1kz0fYtQ1",
                "kZ9dH7gF5eA3oI0a==", "-----END RSA PRIVATE KEY-----", "2026-01-01T00:00:02Z INFO api - ready");
        SessionFacts facts = session(Json.object().put("logs", logs));
        ToolResult r = new SearchLogs().run(Json.object().put("query", "signing key").put("context_lines", 4), facts);
        JsonNode hit = r.data().path("matches").get(0);
        assertThat(hit.path("text").asText()).isEqualTo("2026-01-01T00:00:01Z INFO api - loaded signing key");
        assertThat(hit.path("after")).extracting(l -> l.path("text").asText())
                .containsExactly("[REDACTED]", "[REDACTED]", "[REDACTED]", "[REDACTED]");
        assertThat(new SearchLogs().run(Json.object().put("query", "MIIEow"), facts).status())
                .as("the key's body is no place a search can land").isEqualTo(ToolResult.Status.NO_DATA);
    }

    /**
     * The redactor sees the lines around each hit whatever context was asked for: a value is a secret by the name on
     * the line above it, a key's short last line by the END marker below it.
     */
    @Test
    void a_hit_returned_without_neighbours_is_redacted_with_them() {
        var context = Json.object().put("logs", String.join("\n", "2026-01-01T00:00:01Z INFO api - loaded key",
                "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq98Xc9mUK4Fz2hG5b1eTqU0ZPzQx9c7n3mYvA1kz0fYtQ1",
                "PemTail4Leak9Zq==", "-----END RSA PRIVATE KEY-----"));
        context.putObject("tool_outputs").put("kubectl_env",
                "- name: DB_PASSWORD\n  value: \"KvLineLeak42\"\n- name: MODE\n  value: prod");
        SessionFacts facts = session(context);

        ToolResult values = new SearchLogs().run(Json.object().put("query", "value:").put("context_lines", 0), facts);
        assertThat(values.data().path("matches")).extracting(m -> m.path("text").asText())
                .containsExactly("  value: \"[REDACTED]\"", "  value: prod");
        assertThat(values.data().path("matches").get(0).path("before")).as("only the lines asked for").isEmpty();
        ToolResult all = new SearchLogs().run(Json.object().put("query", ".").put("regex", true)
                .put("context_lines", 0).put("max_matches", 50), facts);
        assertThat(all.data().toString()).doesNotContain("PemTail4Leak9Zq", "KvLineLeak42");
        for (String probe : new String[] {"PemTail4Leak9Zq", "KvLineLeak42"}) {
            assertThat(new SearchLogs().run(Json.object().put("query", probe), facts).status())
                    .as("no count confirms " + probe).isEqualTo(ToolResult.Status.NO_DATA);
        }
    }
}
