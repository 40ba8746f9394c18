package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MC_LOG_FORMAT=json: a log shipper reads one JSON object per event; anything else is refused at once. */
class LogFormatIT {

    @Test
    void json_logs_are_one_object_per_event(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) { // the server fails to bind and logs why before it exits
            Run run = missionctl("json", "serve", "--port", Integer.toString(taken.getLocalPort()), "--data-dir",
                    tmp.toString());
            assertThat(run.code).isEqualTo(1);
            List<String> logLines = run.stderr.lines().filter(l -> !l.startsWith("serve: ")).toList();
            assertThat(logLines).isNotEmpty();
            ObjectMapper json = new ObjectMapper();
            for (String line : logLines) {
                JsonNode event = json.readTree(line);
                assertThat(event.has("timestamp") && event.has("level") && event.has("formattedMessage"))
                        .as(line).isTrue();
            }
            assertThat(logLines).anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("Failed to start"));
        }
    }

    @Test
    void an_unknown_format_is_refused_before_anything_starts(@TempDir Path tmp) throws Exception {
        Run run = missionctl("xml", "serve", "--port", "0", "--data-dir", tmp.toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.stderr.strip()).isEqualTo("missionctl: MC_LOG_FORMAT must be text or json, not 'xml'");
        assertThat(tmp).isEmptyDirectory();
    }

    private record Run(int code, String stderr) {
    }

    private static Run missionctl(String format, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(LogFormat.VARIABLE, format);
        Process p = pb.start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), stderr);
    }
}
