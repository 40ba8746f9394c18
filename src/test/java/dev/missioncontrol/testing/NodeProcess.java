package dev.missioncontrol.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A server running in its own JVM process, so tests can SIGKILL it or cluster several. */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long pid;

    private NodeProcess(Process process, int port, long pid) {
        this.process = process;
        this.port = port;
        this.pid = pid;
    }

    /** Starts dev.missioncontrol.ScriptedNode with the test classpath and waits until it serves. */
    public static NodeProcess start(Path dataDir, String databaseUrl, int steps, long pauseMillis, long leaseSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.missioncontrol.ScriptedNode", dataDir.toString(), databaseUrl == null ? "-" : databaseUrl,
                Integer.toString(steps), Long.toString(pauseMillis), Long.toString(leaseSeconds)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String ready;
        try {
            ready = CompletableFuture.supplyAsync(() -> readyLine(reader)).get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly(); // a node that never got ready must not outlive the test
            throw e;
        }
        Thread.ofVirtual().start(() -> drain(reader));
        String[] parts = ready.split(" ");
        return new NodeProcess(p, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    }

    private static String readyLine(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            throw new IllegalStateException("node exited before it was ready");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // the node's log is not needed; reading keeps its pipe from filling up
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return pid;
    }

    /** SIGKILL: no shutdown hook, no lease released, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
