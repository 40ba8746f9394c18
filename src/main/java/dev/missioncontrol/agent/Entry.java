package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One timeline event as the runtime sees it. */
public record Entry(long seq, String type, String text, JsonNode data, Instant at) {

    public boolean is(String t) {
        return type.equals(t);
    }

    /** A message a person wrote, as opposed to one the agent said. */
    public boolean isUserMessage() {
        return is("message") && "user".equals(data.path("role").asText());
    }
}
