package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An idle keep-alive connection outlives the 30 s that HTTP clients keep theirs, so the server never closes a
 * connection under a client that is reusing it (the client then gets no answer at all).
 */
class KeepAliveIT {
    @Test
    void a_connection_idle_past_the_clients_keep_alive_still_answers() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE);
             Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(healthz(out, in)).isEqualTo("HTTP/1.1 200 OK");
            Thread.sleep(31_000);
            assertThat(healthz(out, in)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private static String healthz(OutputStream out, BufferedReader in) throws IOException {
        out.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = in.readLine();
        long length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skip(length);
        return status;
    }
}
