package dev.missioncontrol.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.missioncontrol.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The listening port queues a burst of CI jobs connecting at once. With the JDK's queue of 50, 250 deploy events
 * posted together to a busy node overflowed it (the kernel's ListenOverflows counter rose by hundreds) and several
 * clients saw their connection reset. The queue in effect is what the kernel reports for the socket, read with ss.
 */
class ListenQueueIT {
    private static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

    @Test
    void the_port_queues_a_burst_of_a_thousand_connections() throws Exception {
        assumeTrue(Files.isReadable(SOMAXCONN), "needs Linux's /proc to read the kernel's listen queue");
        int kernelCap = Integer.parseInt(Files.readString(SOMAXCONN).trim());
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String line = listening(server.app().port());
            assumeTrue(line != null, "needs ss (iproute2) to read the socket's listen queue");
            // ss prints a listening socket's queue limit as its Send-Q, the third column
            int queue = Integer.parseInt(line.trim().split("\\s+")[2]);
            assertThat(queue).isGreaterThanOrEqualTo(Math.min(WebServer.ACCEPT_QUEUE, kernelCap)).isGreaterThan(50);
        }
    }

    private static String listening(int port) throws InterruptedException {
        try {
            Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return ss.waitFor() == 0 && !out.isBlank() ? out.lines().findFirst().orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
