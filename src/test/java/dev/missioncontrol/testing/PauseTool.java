package dev.missioncontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;

/** A tool that takes a while and says which process ran it, so tests can see who ran each step. */
public final class PauseTool implements Tool {
    private final long millis;

    public PauseTool(long millis) {
        this.millis = millis;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String description() {
        return "waits a little";
    }

    @Override
    public JsonNode schema() {
        return Json.object().put("type", "object");
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long pid = ProcessHandle.current().pid();
        return ToolResult.ok("paused " + millis + " ms in process " + pid, Json.object().put("pid", pid)
                .put("node", System.getProperty("mc.test.node", "")));
    }
}
