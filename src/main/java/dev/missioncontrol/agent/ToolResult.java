package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;

/** What a tool returns: a status, a one-line summary for people, and data for the brain. */
public record ToolResult(Status status, String summary, JsonNode data) {

    public enum Status {
        OK, ERROR, NO_DATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public static ToolResult ok(String summary, JsonNode data) {
        return new ToolResult(Status.OK, summary, data);
    }

    public static ToolResult noData(String summary) {
        return new ToolResult(Status.NO_DATA, summary, NullNode.getInstance());
    }

    public static ToolResult error(String summary) {
        return new ToolResult(Status.ERROR, summary, NullNode.getInstance());
    }
}
