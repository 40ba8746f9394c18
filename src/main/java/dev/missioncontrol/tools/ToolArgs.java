package dev.missioncontrol.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import java.time.Instant;

/** Reading tool arguments and describing them, the same way for every tool. */
public final class ToolArgs {
    private ToolArgs() {
    }

    /** An RFC 3339 argument, or {@code fallback} when it is absent or blank. A malformed one fails the call. */
    public static Instant time(JsonNode args, String field, Instant fallback) {
        String raw = args.path(field).asText(null);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return WireTime.parse(raw).orElseThrow(() -> new IllegalArgumentException(
                field + " must be an RFC 3339 time such as 2026-01-15T10:30:00Z, in the years 0000 to 9999"));
    }

    /** An object schema with the {@code since}/{@code until} window every time-bound tool takes. */
    public static ObjectNode windowSchema() {
        ObjectNode s = Json.object().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("since").put("type", "string").put("format", "date-time");
        p.putObject("until").put("type", "string").put("format", "date-time");
        return s;
    }
}
