package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * An idle keep-alive connection outlives the 30 s that HTTP clients keep theirs, so the server never closes a
 * connection under a client that is reusing it (the client then gets no answer at all).
 */
class KeepAliveIT {
    @Test
    void a_connection_idle_past_the_clients_keep_alive_still_answers() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE);
             RawConnection connection = new RawConnection(server.app().port())) {
            assertThat(connection.get("/healthz")).isEqualTo("HTTP/1.1 200 OK");
            Thread.sleep(31_000);
            assertThat(connection.get("/healthz")).isEqualTo("HTTP/1.1 200 OK");
        }
    }
}
