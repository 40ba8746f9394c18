package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A log line quoted as evidence: where it came from (source and line number), when it was written, and its text as
 * the tool returned it (already redacted).
 */
record Quote(String source, long line, Instant at, String text) {

    static Quote from(JsonNode n, String timeField) {
        return new Quote(n.path("source").asText(""), n.path("line").asLong(0), Views.instant(n.path(timeField)),
                n.path("text").asText(""));
    }
}
