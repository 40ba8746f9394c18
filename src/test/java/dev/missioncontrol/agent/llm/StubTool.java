package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.util.function.BiFunction;

/** A tool that answers as the test says, for the deployment tools, which need a database. */
final class StubTool {
    private StubTool() {
    }

    static Tool of(String name, BiFunction<JsonNode, SessionFacts, ToolResult> answer) {
        return of(name, name, answer);
    }

    static Tool of(String name, String description, BiFunction<JsonNode, SessionFacts, ToolResult> answer) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public JsonNode schema() {
                return Json.object();
            }

            @Override
            public ToolResult run(JsonNode args, SessionFacts session) {
                return answer.apply(args, session);
            }
        };
    }
}
