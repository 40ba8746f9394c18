package dev.missioncontrol.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** Prints timeline events one per line, as a person following a session wants to read them. */
final class TimelinePrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Set<String> ENDED = Set.of("completed", "failed", "cancelled");

    private final PrintStream out;

    TimelinePrinter(PrintStream out) {
        this.out = out;
    }

    void print(JsonNode event) {
        String at = TIME.format(Instant.parse(event.path("created_at").asText()));
        String type = event.path("type").asText();
        out.printf("%s  %-11s %s%n", at, type, TerminalText.safe(event.path("text").asText()
                .replace('\n', ' ')));
        out.flush();
    }

    /** True for the status event that ends a session. */
    static boolean isEnd(JsonNode event) {
        return event.path("type").asText().equals("status") && ENDED.contains(event.path("data").path("status").asText());
    }

    void follow(ApiClient api, String sessionId, long afterSeq) {
        api.stream("/api/v1/agent-sessions/" + sessionId + "/events/", afterSeq, e -> {
            print(e);
            return !isEnd(e);
        });
    }

    void printReport(ApiClient api, String sessionId) {
        JsonNode s = api.get("/api/v1/agent-sessions/" + sessionId + "/");
        if (s.hasNonNull("report")) {
            out.println();
            out.println(TerminalText.safe(s.get("report").asText()));
        }
    }
}
