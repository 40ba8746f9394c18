package dev.missioncontrol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.Main;
import dev.missioncontrol.testing.TcpProxy;
import dev.missioncontrol.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI clients against a real server: investigate (following it live), sessions and session. */
class ApiClientsIT {

    private static String run(TestServer server, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] full = new String[args.length + 4];
            System.arraycopy(args, 0, full, 0, args.length);
            full[args.length] = "--url";
            full[args.length + 1] = server.baseUrl();
            full[args.length + 2] = "--api-key";
            full[args.length + 3] = server.firstKey();
            int code = new CommandLine(new Main()).execute(full);
            assertThat(code).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void investigate_follows_the_timeline_until_the_report_then_lists_and_shows_it() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Path logs = Files.createTempFile("mc", ".log");
            Files.writeString(logs, "2026-03-01T10:00:00Z ERROR db timeout after 30s\n");
            String out = run(server, "investigate", "Why does checkout fail?", "--logs", logs.toString(), "--follow");
            assertThat(out).contains("session ").contains("/agents/").contains("tool_call").contains("report")
                    .contains("## Summary");
            String id = out.lines().filter(l -> l.startsWith("session ")).findFirst().orElseThrow().split("\\s+")[1];

            String list = run(server, "sessions", "--status", "completed");
            assertThat(list).contains(id).contains("Why does checkout fail?");
            String shown = run(server, "session", id);
            assertThat(shown).contains("root_cause_analysis").contains("completed").contains("## Summary");
            assertThat(server.api().get("/api/v1/agent-sessions/" + id + "/").json().get("context").get("logs")
                    .asText()).contains("db timeout");
        }
    }

    @Test
    void escape_sequences_in_a_sessions_logs_and_title_never_reach_the_terminal_as_such() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Path logs = Files.createTempFile("mc", ".log");
            Files.writeString(logs, "2026-03-01T10:00:00Z ERROR \u001b]0;pwned\u0007 db timeout \u001b[2J\n");
            String out = run(server, "investigate", "Why \u001b[31mdoes checkout fail?", "--logs", logs.toString(),
                    "--follow");
            String id = out.lines().filter(l -> l.startsWith("session ")).findFirst().orElseThrow().split("\\s+")[1];
            String shown = run(server, "session", id) + run(server, "sessions");
            // the logs are read without their terminal codes (a window title set by OSC included); the title keeps
            // the rest of its sequence as plain text; the CLI's own caret marks are TerminalTextTest's
            assertThat(out + shown).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("pwned")
                    .contains("db timeout").contains("[31mdoes checkout fail?");
        }
    }

    /**
     * Behind a load balancer the node streaming a followed session stops (a rolling restart): the CLI opens the
     * stream again, through the balancer to another node, and prints the rest of the timeline up to its end.
     */
    @Test
    void a_followed_session_goes_on_through_another_node_when_the_one_streaming_it_stops() throws Exception {
        try (TestServer survivor = TestServer.start(TestServer.Db.POSTGRES);
             TestServer restarted = survivor.secondNode(c -> c);
             TcpProxy balancer = TcpProxy.to("127.0.0.1", restarted.app().port())) {
            String id = survivor.api().post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\","
                    + "\"repository_full_name\":\"acme/web\",\"status\":\"success\"}").json()
                    .get("agent_session_id").asText();
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                CompletableFuture<Integer> following = CompletableFuture.supplyAsync(() -> new CommandLine(new Main())
                        .execute("session", id, "--follow", "--url", "http://127.0.0.1:" + balancer.port(),
                                "--api-key", survivor.firstKey()));
                org.awaitility.Awaitility.await().until(() -> captured.toString(StandardCharsets.UTF_8)
                        .contains("Session created"));
                balancer.pointAt(survivor.app().port());
                restarted.close();
                survivor.api().post("/api/v1/agent-sessions/" + id + "/cancel/", "{}");

                assertThat(following.get(60, TimeUnit.SECONDS)).as(captured.toString(StandardCharsets.UTF_8))
                        .isZero();
                assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Session cancelled by first key");
            } finally {
                System.setOut(original);
            }
        }
    }

    @Test
    void a_missing_key_is_explained_not_thrown() {
        int code = new CommandLine(new Main()).execute("sessions", "--url", "http://127.0.0.1:9");
        assertThat(code).isEqualTo(1);
    }
}
