package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading tool results: the brain sees tools only through the JSON they recorded on the timeline. */
final class Views {
    private Views() {
    }

    static Instant instant(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(read.apply(n)));
        }
        return out;
    }
}
