package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the HTTP server refuses before any route sees them get the same problem document as every other error,
 * never the server's own HTML page. Sent over raw sockets: HTTP client libraries refuse to send most of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIT {
    private static final String DEPLOY = "/api/v1/deployments/";
    /** A deployment the API takes, so that only what the case is about is wrong with its request. */
    private static final String VALID_DEPLOY = "{\"deployment_request\":\"Deploy 1.2.3\","
            + "\"repository_full_name\":\"acme/api\",\"status\":\"success\"}";
    private String key;
    private TestServer server;

    @BeforeAll
    void startServer() {
        server = TestServer.start(TestServer.Db.SQLITE);
        key = server.firstKey();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("percent sign without hex digits", 400, get(DEPLOY + "%zz/")),
                Arguments.of("encoded NUL in the path", 400, get(DEPLOY + "%00/")),
                Arguments.of("path that is not UTF-8", 400, get(DEPLOY + "%ff%fe/")),
                Arguments.of("UI path with bad encoding", 400, get("/deployments/%zz")),
                Arguments.of("query filter with a percent sign without hex digits", 400,
                        request("GET", DEPLOY + "?repository=acme/other%zz", "Authorization: Bearer " + key)),
                Arguments.of("UI query with a stray percent sign", 400, get("/deployments?status=fail%")),
                Arguments.of("request target over 8 KiB", 414, get(DEPLOY + "?repository=" + "a".repeat(9000))),
                Arguments.of("Idempotency-Key of 10,000 characters", 431,
                        request("POST", DEPLOY, "Idempotency-Key: " + "k".repeat(10_000), "Content-Length: 0")),
                Arguments.of("Content-Length not a number", 400, request("POST", DEPLOY, "Content-Length: abc")),
                Arguments.of("control character in a header", 400, request("GET", DEPLOY, "X-Note: a\u0001b")),
                Arguments.of("PUT with a broken header", 400, request("PUT", DEPLOY, "Content-Length: -1")),
                Arguments.of("unknown HTTP version", 505, "GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
                // the servlet layer looked any declared charset up and threw: a 500 on every route, key or none
                Arguments.of("a charset the server does not know, on the health check", 415,
                        request("GET", "/healthz", "Content-Type: text/plain; charset=bogus")),
                Arguments.of("an illegal charset name, on an API write", 415, request("POST", DEPLOY,
                        "Authorization: Bearer " + key, "Content-Type: application/json; charset=\"@@\"",
                        "Content-Length: 2") + "{}"),
                Arguments.of("two Idempotency-Keys, which would replay by whichever came first", 422,
                        request("POST", DEPLOY, "Authorization: Bearer " + key, "Idempotency-Key: run-1",
                                "Idempotency-Key: run-2", "Content-Type: application/json",
                                "Content-Length: " + VALID_DEPLOY.length()) + VALID_DEPLOY),
                Arguments.of("an empty charset, on the login form", 415, request("POST", "/login",
                        "Content-Type: application/x-www-form-urlencoded; charset=", "Content-Length: 3") + "a=b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void is_refused_with_a_problem_document_and_no_server_internals(String name, int status, String request)
            throws IOException {
        RawConnection.Answer answer = RawConnection.exchange(server.app().port(),
                request.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = Json.read(answer.body());
        assertThat(problem.get("type").asText()).startsWith("https://missioncontrol.dev/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("request_id").asText()).isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception")
                .doesNotContain("<html").doesNotContain("\tat ");
    }

    /** A person whose browser sent a broken address gets a page saying so, not the API's JSON; a program the JSON. */
    @org.junit.jupiter.api.Test
    void a_browser_gets_a_page_for_a_request_it_sent_broken() throws IOException {
        RawConnection.Answer page = RawConnection.exchange(server.app().port(), request("GET",
                "/deployments?status=fail%", "Accept: text/html,application/xhtml+xml").getBytes(
                StandardCharsets.ISO_8859_1));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Bad request").contains("% that begins no escape")
                .contains("Go back and try again").doesNotContain("\"type\"");
        RawConnection.Answer api = RawConnection.exchange(server.app().port(), request("GET",
                "/deployments?status=fail%", "Accept: application/json").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(api.header("Content-Type")).isEqualTo("application/problem+json");
    }

    /** API.md: every API response carries the RateLimit headers; and a request without a key gets 401 first. */
    @org.junit.jupiter.api.Test
    void a_malformed_query_is_refused_after_the_key_is_checked_and_with_the_rate_limit_headers() throws IOException {
        String target = DEPLOY + "?repository=acme/other%zz";
        RawConnection.Answer keyed = RawConnection.exchange(server.app().port(),
                request("GET", target, "Authorization: Bearer " + key).getBytes(StandardCharsets.ISO_8859_1));
        RawConnection.Answer keyless = RawConnection.exchange(server.app().port(),
                get(target).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.header("RateLimit")).as(keyed.head()).isNotBlank();
        assertThat(keyed.header("RateLimit-Policy")).isNotBlank();
        assertThat(keyless.status()).isEqualTo(401);
    }

    @org.junit.jupiter.api.Test
    void made_up_methods_and_paths_add_no_new_series_to_the_metrics() throws IOException {
        for (int i = 0; i < 20; i++) {
            RawConnection.exchange(server.app().port(), request("M" + i, "/nowhere-" + i + "/")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        String metrics = server.api(null).get("/metrics").body();
        assertThat(metrics).doesNotContain("method=\"M1").doesNotContain("nowhere-1")
                .contains("method=\"OTHER\"");
    }

    private static String get(String target) {
        return request("GET", target);
    }

    private static String request(String method, String target, String... headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", Stream.of(headers)
                .map(h -> h + "\r\n").toList()) + "Connection: close\r\n\r\n";
    }
}
