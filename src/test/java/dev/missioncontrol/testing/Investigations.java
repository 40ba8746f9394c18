package dev.missioncontrol.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Starts investigations over the real API and waits for their reports. */
public final class Investigations {
    private final Api api;

    /** A finished session: its report and the findings on its timeline. */
    public record Finished(String sessionId, String status, String report, List<JsonNode> findings) {
    }

    public Investigations(Api api) {
        this.api = api;
    }

    /** Posts a session body gzip-compressed, as a client pasting tens of megabytes of logs would. */
    public String start(byte[] json) {
        return startGzipped(gzip(json));
    }

    public String startGzipped(byte[] gz) {
        var r = api.postBytes("/api/v1/agent-sessions/", gz,
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("session_id").asText();
    }

    public Finished awaitReport(String sessionId, Duration atMost) {
        String path = "/api/v1/agent-sessions/" + sessionId + "/events/";
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = api.get(path + "?limit=1").json().path("status").asText();
            return !status.equals("active");
        });
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = api.get(path + "?after=" + after).json();
            page.path("results").forEach(events::add);
            after = events.isEmpty() ? 0 : events.get(events.size() - 1).path("seq").asLong();
        } while (page.path("count").asInt() > 0);
        String report = events.stream().filter(e -> e.path("type").asText().equals("report"))
                .map(e -> e.path("data").path("markdown").asText()).reduce((a, b) -> b).orElse("");
        List<JsonNode> findings = events.stream().filter(e -> e.path("type").asText().equals("finding")).toList();
        return new Finished(sessionId, page.path("status").asText(), report, findings);
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gunzipped(byte[] gz) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
