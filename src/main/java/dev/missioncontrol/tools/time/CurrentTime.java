package dev.missioncontrol.tools.time;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Clock;

/** {@code current_time}: brains never read the wall clock themselves, so tests can set it. */
public final class CurrentTime implements Tool {
    private final Clock clock;

    public CurrentTime(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "current_time";
    }

    @Override
    public String description() {
        return "The current time, in UTC (RFC 3339).";
    }

    @Override
    public JsonNode schema() {
        return Json.object().put("type", "object");
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        String now = clock.instant().toString();
        return ToolResult.ok("It is " + now, Json.object().put("now", now));
    }
}
