package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.WireTime;
import java.time.Instant;

/**
 * One quoted piece of a finding's evidence, as the page shows it: where it came from, when, and the line itself. The
 * analyst records objects ({@code source, line, timestamp, text}); a model may record plain strings; any other shape
 * is shown as its JSON, so nothing the agent quoted goes missing.
 */
public record Evidence(String source, long line, Instant at, String text) {

    static Evidence of(JsonNode n) {
        if (n.isObject() && n.path("text").isTextual()) {
            return new Evidence(n.path("source").asText(""), n.path("line").asLong(0),
                    WireTime.parse(n.path("timestamp").asText("")).orElse(null), n.path("text").asText());
        }
        return new Evidence("", 0, null, n.isTextual() ? n.asText() : n.toString());
    }

    /** "context.logs, line 80001", or whichever part of that is known. */
    public String where() {
        String lineText = line > 0 ? "line " + line : "";
        return source.isEmpty() || lineText.isEmpty() ? source + lineText : source + ", " + lineText;
    }
}
