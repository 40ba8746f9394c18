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
    /** Attempts in a row that bring no event before following gives up: about two minutes of backing off. */
    private static final int RECONNECTS = 12;
    private static final long RECONNECT_CAP_MS = 10_000;

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

    /**
     * Prints the timeline until the session ends. A stream can end first: behind a load balancer the node serving it
     * stops for a rolling restart, or loses its database for a moment; it is opened again after the last event
     * printed, so nothing is missed or printed twice, waiting longer each time it cannot be opened.
     */
    void follow(ApiClient api, String sessionId, long afterSeq) {
        long[] last = {afterSeq};
        boolean[] ended = {false};
        int failedInARow = 0;
        while (true) {
            long before = last[0];
            try {
                api.stream("/api/v1/agent-sessions/" + sessionId + "/events/", last[0], e -> {
                    if (!e.has("seq")) {
                        ended[0] = true; // the stream's last word: the session ended, and every event was sent
                        return false;
                    }
                    print(e);
                    last[0] = e.path("seq").asLong(last[0]);
                    ended[0] = isEnd(e);
                    return !ended[0];
                });
                failedInARow = last[0] > before ? 0 : failedInARow + 1;
            } catch (ClientException e) {
                failedInARow = last[0] > before ? 1 : failedInARow + 1;
                if (!e.isTransient() || failedInARow > RECONNECTS) {
                    throw e;
                }
            }
            if (ended[0]) {
                return;
            }
            if (failedInARow > RECONNECTS) {
                throw new ClientException("the event stream kept ending before the session did; see the session"
                        + " with: missionctl session " + sessionId);
            }
            pause(Math.min(RECONNECT_CAP_MS, 500L << Math.min(failedInARow, 5)));
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    void printReport(ApiClient api, String sessionId) {
        JsonNode s = api.get("/api/v1/agent-sessions/" + sessionId + "/");
        if (s.hasNonNull("report")) {
            out.println();
            out.println(TerminalText.safe(s.get("report").asText()));
        }
    }
}
