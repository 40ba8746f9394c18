package dev.missioncontrol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.Main;
import dev.missioncontrol.testing.StubHttpServer;
import dev.missioncontrol.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure of the API clients is one line on stderr with exit 1, never a stack trace or a false success. */
class ClientErrorsTest {

    record Run(int exit, String out, String err) {
    }

    static Run missionctl(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = new picocli.CommandLine(new Main()).setErr(new PrintWriter(picocliErr, true)).execute(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8) + picocliErr);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static void assertOneLineFailure(Run run, String expected) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        // the in-process test server logs to the same stderr; its lines start with a timestamp
        assertThat(run.err().strip().lines().filter(l -> !l.matches("^\\d{4}-\\d\\d-\\d\\dT.*"))).hasSize(1);
    }

    @Test
    void investigate_treats_a_redirect_as_a_failure_not_a_session_without_an_id() {
        try (StubHttpServer lb = new StubHttpServer(x -> StubHttpServer.reply(x, 301, "",
                "Location", "https://mc.example.com/api/v1/agent-sessions/"))) {
            Run run = missionctl("investigate", "why?", "--url", lb.baseUrl(), "--api-key", "mc_test");
            assertOneLineFailure(run, "the server answered 301 (a redirect to https://mc.example.com/");
            assertThat(run.out()).doesNotContain("session");
        }
    }

    @Test
    void a_url_that_is_not_http_is_one_line_for_every_client() {
        for (String url : new String[] {"not-a-url", "http://exa mple.com", "ftp://mc.example.com"}) {
            String[][] commands = {{"deploy", "--repository", "acme/api"}, {"sessions"}, {"session", "abc"},
                    {"investigate", "why?"}};
            for (String[] command : commands) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--url", url, "--api-key", "mc_test")).toArray(String[]::new);
                Run run = missionctl(args);
                assertThat(run.exit()).as(String.join(" ", args) + run.err()).isEqualTo(1);
                assertThat(run.err()).as(String.join(" ", args)).contains(url).doesNotContain("\tat ")
                        .doesNotContain("Exception").contains("--url (MC_URL)"); // the flag given is named
            }
        }
    }

    @Test
    void a_session_id_with_a_space_or_a_stray_percent_is_asked_for_and_not_found() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            for (String id : new String[] {"a b", "%zz"}) {
                Run run = missionctl("session", id, "--url", server.baseUrl(), "--api-key", server.firstKey());
                assertOneLineFailure(run, "HTTP 404");
            }
        }
    }

    @Test
    void investigate_says_a_missing_log_or_a_context_file_that_is_not_json_in_one_line(@TempDir Path dir)
            throws Exception {
        Path notJson = Files.writeString(dir.resolve("context.json"), "service: checkout\n");
        String missing = dir.resolve("nonexistent.log").toString();
        String[] key = {"--url", "http://127.0.0.1:9", "--api-key", "mc_test"};
        assertOneLineFailure(missionctl(concat(new String[] {"investigate", "why?", "--logs", missing}, key)),
                "cannot read the context: " + missing + " does not exist");
        assertOneLineFailure(missionctl(concat(new String[] {"investigate", "why?", "--context-file",
                notJson.toString()}, key)), notJson + " is not JSON: ");
    }

    @Test
    void investigate_attaches_a_log_that_is_not_utf8_with_the_bad_bytes_replaced(@TempDir Path dir)
            throws Exception {
        Path log = Files.write(dir.resolve("latin1.log"), "caf\u00e9 ERROR timeout\n".getBytes(StandardCharsets.ISO_8859_1));
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Run run = missionctl("investigate", "why?", "--logs", log.toString(), "--url", server.baseUrl(),
                    "--api-key", server.firstKey());
            assertThat(run.exit()).as(run.err()).isZero();
            String id = run.out().split("\\s+")[1];
            assertThat(server.api().get("/api/v1/agent-sessions/" + id + "/").json().at("/context/logs").asText())
                    .isEqualTo("caf\uFFFD ERROR timeout\n");
        }
    }

    /** A CI secret or `cat key.txt` often ends in a line break; the key must neither fail nor show up in the log. */
    @Test
    void a_key_ending_in_a_line_break_is_used_and_one_broken_inside_is_refused_without_being_shown() {
        java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubHttpServer server = new StubHttpServer(x -> {
            sent.add(x.getRequestHeaders().getFirst("Authorization"));
            StubHttpServer.reply(x, 200, "{\"results\":[],\"count\":0}");
        })) {
            Run run = missionctl("sessions", "--url", server.baseUrl(), "--api-key", " mc_test_secret\n");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(sent).containsExactly("Bearer mc_test_secret");
            Run broken = missionctl("sessions", "--url", server.baseUrl(), "--api-key", "mc_test\nsecret");
            assertOneLineFailure(broken, "the API key (MC_API_KEY or --api-key) has a space, a line break");
            assertThat(broken.err()).doesNotContain("secret");
            assertThat(sent).hasSize(1);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
