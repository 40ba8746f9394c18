package dev.missioncontrol.agent.analyst;

import static dev.missioncontrol.agent.analyst.ReportAssertions.hasSectionsInOrder;
import static dev.missioncontrol.agent.analyst.ReportAssertions.mentions;
import static dev.missioncontrol.agent.analyst.ReportAssertions.quotesALineWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.Investigations;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The investigation cases of ../shared/data/incidents, posted to a real server as clients send them: each report
 * must state every expected fact (its key terms, in the wording of expected.txt or, where the case's own logs
 * word it differently, in the logs' wording) and quote a real log line that proves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentCasesIT {
    static final Path CASES = dev.missioncontrol.testing.SharedData.dir("incidents");

    /** One expected fact: terms the report must state, and terms one quoted log line must hold. */
    record Fact(String expected, List<String> mentions, List<String> proof) {
    }

    static final Map<String, List<Fact>> FACTS = Map.of(
            "20_long_log_file_search", List.of(
                    new Fact("There is a Peer down issue", List.of("Peer down"), List.of("Peer down"))),
            "51_logs_summarize_errors", List.of(
                    new Fact("Login issues due to redis timeouts", List.of("Authentication", "redis", "Timeout"),
                            List.of("Authentication", "redis", "TimeoutError")),
                    new Fact("Login issues due to Identity provider certificate expired",
                            List.of("Identity provider certificate expired"),
                            List.of("Authentication", "Identity provider certificate expired")),
                    new Fact("DB query issues due to a syntax error", List.of("query failed", "syntax error"),
                            List.of("query failed", "syntax error")),
                    new Fact("DB query issues due unicity constraint violation",
                            List.of("unique constraint"), List.of("query failed", "violates unique constraint"))),
            "53_logs_find_term", List.of(
                    new Fact("DB query issues due to a syntax error", List.of("query failed", "syntax error"),
                            List.of("query failed", "syntax error")),
                    new Fact("DB query issues due unicity constraint violation",
                            List.of("unique constraint"), List.of("query failed", "violates unique constraint"))),
            // expected.txt words these lines differently from the request's logs (e.g. ETIMEDOUT for "connection
            // timeout", "attempt 1/3" for "Retrying"); each fact is checked against the line the logs really hold
            "62_fetch_error_logs_with_errors", List.of(
                    new Fact("Database connection failed: ETIMEDOUT", List.of("connect to database", "timeout"),
                            List.of("ERROR", "Failed to connect to database: connection timeout")),
                    new Fact("Attempting reconnection (attempt 1/3)", List.of("Retrying database connection"),
                            List.of("ERROR", "Retrying database connection")),
                    new Fact("Maximum retry attempts exceeded", List.of("failed after 3 retries"),
                            List.of("ERROR", "Database connection failed after 3 retries")),
                    new Fact("Backup connection failed", List.of("Backup database"),
                            List.of("ERROR", "Backup database also unavailable")),
                    new Fact("Unable to establish database connection", List.of("cannot start without database"),
                            List.of("ERROR", "Application cannot start without database"))),
            "63_fetch_error_logs_no_errors", List.of(
                    new Fact("No ERROR logs found", List.of("No 'ERROR' log lines found", "No service logs to read"),
                            List.of("user-api", "Running"))),
            "66_http_error_needle", List.of(
                    new Fact("Database connection timeout error occurred because could not acquire connection from "
                            + "pool after 30s", List.of("Database connection timeout", "acquire connection from pool",
                            "30s"), List.of("ERROR", "Database connection timeout",
                            "Could not acquire connection from pool after 30s"))),
            "69_rate_limit_exhaustion", List.of(
                    new Fact("API limiter returning 429 Too Many Requests errors", List.of("429", "Too Many Requests",
                            "api-limiter"), List.of("429", "Too Many Requests", "api-limiter")),
                    new Fact("due to traffic spike of 1000 requests/second", List.of("Traffic spike",
                            "1000 requests/second"), List.of("Traffic spike", "1000 requests/second")),
                    new Fact("exceeding rate limit of 100/second", List.of("Rate limit exceeded", "100/second"),
                            List.of("Rate limit exceeded (100/second)"))));

    TestServer server;
    Investigations investigations;

    @BeforeAll
    void start() {
        Assumptions.assumeTrue(Files.isDirectory(CASES), "no incident cases at " + CASES.toAbsolutePath());
        server = TestServer.start(TestServer.Db.SQLITE);
        investigations = new Investigations(server.api());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<String> cases() {
        return FACTS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void report_states_each_expected_fact_and_quotes_a_line_that_proves_it(String name) throws IOException {
        Path dir = CASES.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "case " + name + " is absent");
        byte[] gz = Files.readAllBytes(dir.resolve("request.json.gz"));
        String sessionId = investigations.startGzipped(gz);
        var done = investigations.awaitReport(sessionId, Duration.ofMinutes(5));
        assertThat(done.status()).isEqualTo("completed");
        String report = done.report();
        hasSectionsInOrder(report);
        String logs = logText(dir);
        for (Fact f : FACTS.get(name)) {
            mentions(report, f.mentions().toArray(String[]::new));
            quotesALineWith(report, logs, f.proof().toArray(String[]::new));
        }
        assertThat(done.findings()).isNotEmpty();
        kindsAreNamedOnce(report);
        if (name.startsWith("62_")) {
            assertThat(report).doesNotContain("Application starting up").doesNotContain("Database connection slow");
            // one database problem: the timeout signature reads only lines the stronger one explains, and the
            // exhausted retries followed from it
            assertThat(report).contains("Most likely cause (high confidence): Database unreachable, which led to "
                    + "Retries exhausted.").doesNotContain("Several problems");
        }
        if (name.startsWith("69_")) {
            assertThat(report).contains("Most likely cause (high confidence): Traffic spike, which led to Rate limit "
                    + "exceeded (HTTP 429).").contains("Both name 10.0.50.123.");
        }
        if (name.startsWith("63_")) {
            assertThat(report).contains("No cause to rank");
        }
    }

    /** Every line the request carried: context.logs and the captured tool outputs. */
    static String logText(Path dir) throws IOException {
        JsonNode context;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("request.json.gz")))) {
            context = Json.MAPPER.readTree(in).path("context");
        }
        StringBuilder all = new StringBuilder();
        JsonNode logs = context.path("logs");
        if (logs.isArray()) {
            logs.forEach(l -> all.append(l.isTextual() ? l.asText() : l.toString()).append('\n'));
        } else {
            all.append(logs.asText("")).append('\n');
        }
        context.path("tool_outputs").forEach(v -> all.append(v.asText(v.toString())).append('\n'));
        return all.toString();
    }

    /** The summary's "Problem lines by kind" names each kind once, however many templates read like it. */
    private static void kindsAreNamedOnce(String report) {
        Matcher kinds = Pattern.compile("Problem lines by kind: (.*?)\\.( |\n)")
                .matcher(report);
        if (kinds.find()) {
            List<String> labels = Arrays.stream(kinds.group(1).split("; "))
                    .map(k -> k.replaceAll(" ×[\\d,]+$", "")).toList();
            assertThat(labels).as(kinds.group(1)).doesNotHaveDuplicates();
        }
    }
}
