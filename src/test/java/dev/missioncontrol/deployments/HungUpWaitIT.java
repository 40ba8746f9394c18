package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.Api;
import dev.missioncontrol.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A CI job cancelled during {@code deploy --wait} hangs up: its long poll must not hold a server thread on. */
class HungUpWaitIT {

    @Test
    void a_poll_whose_client_hung_up_stops_waiting_and_one_still_connected_is_answered_on_a_kept_alive_connection()
            throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            Api api = server.api();
            String id = api.post("/api/v1/deployments/", "{\"deployment_request\":\"Ship\",\"status\":\"running\","
                    + "\"repository_full_name\":\"acme/web\"}").json().get("id").asText();
            String poll = "GET /api/v1/deployments/" + id + "/?wait=%d HTTP/1.1\r\nHost: mc\r\nAuthorization: Bearer "
                    + server.firstKey() + "\r\n\r\n";

            try (Socket kept = connect(server)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(kept.getInputStream(),
                        StandardCharsets.UTF_8));
                for (int i = 0; i < 2; i++) {
                    kept.getOutputStream().write(poll.formatted(1).getBytes(StandardCharsets.UTF_8));
                    assertThat(answer(in)).as("poll " + (i + 1) + " on one connection").startsWith("HTTP/1.1 200")
                            .contains("\"id\":\"" + id + "\"");
                }
            }

            Socket gone = connect(server);
            gone.getOutputStream().write(poll.formatted(600).getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> waits(api) == 1);
            gone.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> waits(api) == 0);
        }
    }

    private static Socket connect(TestServer server) throws IOException {
        URI base = URI.create(server.baseUrl());
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    /** One whole HTTP/1.1 answer with a Content-Length, as text. */
    private static String answer(BufferedReader in) throws IOException {
        StringBuilder head = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append('\n');
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return head + new String(body);
    }

    private static double waits(Api api) {
        return api.get("/metrics").body().lines().filter(l -> l.startsWith("missioncontrol_deployments_verdict_waits"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
