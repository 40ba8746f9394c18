package dev.missioncontrol.tools.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.store.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownIssuesTest {
    static final KnownIssues BUILT_IN = KnownIssues.builtIn();

    /** The most specific signature a line matches. */
    static String best(String line) {
        KnownIssue best = null;
        int bestScore = 0;
        for (KnownIssue i : BUILT_IN.all()) {
            int s = i.specificity(line);
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return best == null ? null : best.id();
    }

    @Test
    void ships_at_least_forty_signatures_with_unique_ids_and_advice() {
        List<KnownIssue> all = BUILT_IN.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        Set<String> ids = new HashSet<>();
        all.forEach(i -> assertThat(ids.add(i.id())).as(i.id()).isTrue());
        assertThat(all).allSatisfy(i -> assertThat(i.diagnosis()).isNotBlank());
    }

    @Test
    void every_cause_a_signature_names_is_in_the_catalogue_and_none_is_its_own() {
        Set<String> ids = new HashSet<>(BUILT_IN.all().stream().map(KnownIssue::id).toList());
        assertThat(BUILT_IN.all().stream().filter(i -> !i.causedBy().isEmpty())).hasSizeGreaterThanOrEqualTo(5);
        assertThat(BUILT_IN.all()).allSatisfy(i -> assertThat(i.causedBy()).allSatisfy(c ->
                assertThat(ids).contains(c)).doesNotContain(i.id()));
        KnownIssue read = KnownIssues.parse(Json.read("[{\"id\":\"x\",\"title\":\"t\",\"diagnosis\":\"d\","
                + "\"remediation\":\"r\",\"patterns\":[\"p\"],\"caused_by\":[\"traffic-spike\"]}]"), "test").get(0);
        assertThat(read.causedBy()).containsExactly("traffic-spike");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Database connection timeout: Could not acquire connection from pool after 30s | db-pool-exhausted",
        "HikariPool-1 - Connection is not available, request timed out after 30000ms | db-pool-exhausted",
        "Container app was OOMKilled (exit code 137) | oom-killed",
        "java.lang.OutOfMemoryError: Java heap space | java-heap-oom",
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory | node-heap-oom",
        "Too Many Requests - Rate limit exceeded (100/second) | rate-limited",
        "x509: certificate has expired or is not yet valid | tls-cert-expired",
        "Slow query 26s: SELECT * FROM order_items WHERE reconciled = false | db-slow-query",
        "LOG:  duration: 26012.331 ms  statement: SELECT * FROM order_items | db-slow-query",
        "# Query_time: 26.004512  Lock_time: 0.000101 Rows_sent: 1 | db-slow-query",
        "slow request: GET /api/orders answered in 5.2 s | high-latency",
        "dial tcp: lookup orders.svc on 10.0.0.10:53: no such host | dns-failure",
        "write /var/lib/data/seg.log: No space left on device | disk-full",
        "Back-off restarting failed container api in pod api-7d9 | crash-loop",
        "dial tcp 10.0.0.5:6379: connect: connection refused | connection-refused",
        "accept tcp [::]:8080: accept4: too many open files | too-many-open-files",
        "ResourceAccessException: I/O error on GET request for \"http://inventory:8080/items/42\": Unexpected end of file "
                + "from server | connection-reset",
        "ERROR: deadlock detected | db-deadlock",
        "java.lang.NullPointerException: Cannot invoke \"Order.total()\" | null-pointer",
        "CircuitBreaker 'payments' is OPEN and does not permit further calls | circuit-open",
        "Readiness probe failed: HTTP probe failed with statuscode: 503 | probe-failure",
        "Failed to pull image \"registry/app:v9\": manifest unknown | image-pull",
        "consumer group orders has lag of 120000 messages | kafka-consumer-lag",
        "open /etc/app/config.yaml: permission denied | permission-denied",
        "Peer down | peer-down"})
    void recognises_common_failures(String line, String id) {
        assertThat(best(line)).isEqualTo(id);
    }

    @Test
    void takes_429_only_as_an_http_status_and_a_disk_quota_for_a_full_disk() {
        assertThat(best("failed to process order 429: validation error on field zip")).isNull();
        assertThat(best("10.0.0.7 - - [29/Nov/2026:18:10:01 +0000] \"GET /cart HTTP/1.1\" 200 429 \"-\" \"curl\""))
                .as("429 bytes").isNull();
        assertThat(best("10.0.0.7 - - [29/Nov/2026:18:10:01 +0000] \"GET /cart HTTP/1.1\" 429 0 \"-\" \"curl\""))
                .isEqualTo("rate-limited");
        assertThat(best("payments answered HTTP 429")).isEqualTo("rate-limited");
        assertThat(best("{\"level\":\"warn\",\"status\":429,\"msg\":\"slow down\"}")).isEqualTo("rate-limited");
        assertThat(best("upload to s3 rejected: status=429")).isEqualTo("rate-limited");
        assertThat(best("429 Too Many Requests")).isEqualTo("rate-limited");
        assertThat(best("API quota exceeded for key k-12")).isEqualTo("rate-limited");
        assertThat(best("write /var/data/seg.log: Disk quota exceeded")).isEqualTo("disk-full");
    }

    @Test
    void takes_502_to_504_as_http_statuses_not_as_any_number_near_a_service() {
        assertThat(best("invoice 504 settled for customer 77")).isNull();
        assertThat(best("warehouse service moved 503 parcels")).as("a count beside 'service'").isNull();
        assertThat(best("10.0.0.7 - - [29/Nov/2026:18:10:01 +0000] \"GET /cart HTTP/1.1\" 200 504 \"-\" \"curl\""))
                .as("504 bytes").isNull();
        assertThat(best("10.0.0.7 - - [29/Nov/2026:18:10:01 +0000] \"GET /cart HTTP/1.1\" 504 0 \"-\" \"curl\""))
                .isEqualTo("network-timeout");
        assertThat(best("call to payments failed with 504")).isEqualTo("network-timeout");
        assertThat(best("{\"level\":\"error\",\"status_code\":503,\"msg\":\"checkout\"}")).isEqualTo("upstream-5xx");
        assertThat(best("10.0.0.7 - - [29/Nov/2026:18:10:01 +0000] \"GET /cart HTTP/1.1\" 502 0 \"-\" \"curl\""))
                .isEqualTo("upstream-5xx");
        assertThat(best("inventory returned 503 to checkout")).isEqualTo("upstream-5xx");
        assertThat(best("502 from upstream inventory:8080")).isEqualTo("upstream-5xx");
    }

    @Test
    void takes_repeated_ssh_login_failures_as_brute_force_not_as_a_rotated_secret() {
        assertThat(List.of("Failed password for root from 5.36.59.76 port 42393 ssh2",
                "Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2",
                "Invalid user webmaster from 173.234.31.186",
                "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76",
                "PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76 user=root",
                "Disconnecting: Too many authentication failures for root [preauth]",
                "error: maximum authentication attempts exceeded for root from 5.36.59.76 port 22 ssh2 [preauth]"))
                .allSatisfy(line -> assertThat(best(line)).as(line).isEqualTo("auth-brute-force"));
        assertThat(best("payments rejected the call: invalid api key")).isEqualTo("auth-failure");
        assertThat(best("cannot load TLS material: invalid keystore format")).isNotEqualTo("auth-failure");
    }

    @Test
    void takes_a_gc_overhead_share_as_trouble_only_when_gc_takes_most_of_the_time() {
        assertThat(best("GC overhead: 92% of time in GC")).isEqualTo("gc-overhead");
        assertThat(best("GC overhead 100.0% over the last minute")).isEqualTo("gc-overhead");
        assertThat(best("GC overhead: 3% of time in GC")).isNull();
        assertThat(best("GC overhead: 5.92% of time in GC")).isNull();
        assertThat(best("GC overhead: 12.5% of time in GC")).isNull();
    }

    @Test
    void matches_nothing_in_an_ordinary_line() {
        assertThat(best("GET /api/orders 200 in 12ms")).isNull();
    }

    /**
     * Patterns are matched without regard to case, so a short code matches inside longer words unless it is bounded:
     * EACCES in ResourceAccessException, EPIPE in CodePipeline, ENFILE in openFile, db in feedback.
     */
    @Test
    void no_signature_matches_a_stack_frame_class_name_or_healthy_statistic() throws java.io.IOException {
        List<String> innocent;
        try (var in = KnownIssuesTest.class.getResourceAsStream("/knowledge/innocent-lines.txt")) {
            innocent = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertThat(innocent).hasSizeGreaterThan(20);
        assertThat(innocent).allSatisfy(line -> assertThat(best(line)).as(line).isNull());
    }

    @Test
    void an_error_code_matches_as_a_whole_word_in_any_case_but_not_inside_a_longer_one() {
        List<String> codes = BUILT_IN.all().stream().flatMap(i -> i.patterns().stream())
                .map(p -> p.pattern().replace("\\b", "")).filter(p -> p.matches("E[A-Z]{3,}|SIG[A-Z]+|NXDOMAIN"))
                .toList();
        assertThat(codes).contains("EACCES", "ECONNREFUSED", "ENOSPC", "EPIPE", "EMFILE", "ENFILE");
        for (String code : codes) {
            assertThat(best("Error: " + code + ": request failed")).as(code).isNotNull();
            assertThat(best("{error," + code.toLowerCase(java.util.Locale.ROOT) + "}")).as(code).isNotNull();
            String inside = "Some" + code.charAt(0) + code.substring(1).toLowerCase(java.util.Locale.ROOT) + "Thing";
            assertThat(best(inside)).as(inside).isNull();
        }
    }

    @Test
    void rejects_a_signature_without_patterns_or_with_a_broken_one() {
        assertThatThrownBy(() -> KnownIssues.parse(Json.read("[{\"id\":\"x\",\"title\":\"t\",\"diagnosis\":\"d\","
                + "\"remediation\":\"r\",\"patterns\":[]}]"), "test")).hasMessageContaining("no patterns");
        assertThatThrownBy(() -> KnownIssues.parse(Json.read("[{\"id\":\"x\",\"title\":\"t\",\"diagnosis\":\"d\","
                + "\"remediation\":\"r\",\"patterns\":[\"(\"]}]"), "test")).hasMessageContaining("bad pattern");
    }

    @Test
    void built_in_patterns_have_no_unbounded_gap_so_matching_stays_linear() {
        assertThat(BUILT_IN.all()).allSatisfy(i -> assertThat(i.patterns()).allSatisfy(p ->
                assertThat(p.pattern()).as(i.id()).doesNotContain(".*").doesNotContain(".+")));
        assertThat(best("Duplicate entry '42' for key 'PRIMARY'")).isEqualTo(best("Duplicate entry '1' for key 'x'"))
                .isNotNull();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void a_catastrophic_pattern_is_stopped_by_the_deadline_and_the_result_says_so() {
        KnownIssue slow = KnownIssues.parse(Json.read("[{\"id\":\"slow\",\"title\":\"t\",\"diagnosis\":\"d\","
                + "\"remediation\":\"r\",\"patterns\":[\"(.*a){15}b\"]}]"), "test").get(0);
        MatchKnownIssues tool = new MatchKnownIssues(null, new KnownIssues(List.of(slow)));
        var result = tool.run(Json.object().put("text", "a".repeat(40)), null);
        assertThat(result.summary()).contains("stopped");
    }

    @Test
    void only_the_head_of_a_huge_text_argument_is_matched() {
        MatchKnownIssues tool = new MatchKnownIssues(null, BUILT_IN);
        String huge = "x".repeat(MatchKnownIssues.MAX_TEXT_CHARS) + " connection refused";
        assertThat(tool.run(Json.object().put("text", huge), null).status())
                .isEqualTo(dev.missioncontrol.agent.ToolResult.Status.NO_DATA);
        assertThat(tool.run(Json.object().put("text", "connection refused"), null).status())
                .isEqualTo(dev.missioncontrol.agent.ToolResult.Status.OK);
    }
}
