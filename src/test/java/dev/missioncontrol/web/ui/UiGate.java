package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tool that waits while a test holds its gate closed, so the test can watch a half-finished timeline. */
final class UiGate implements Tool {
    static final String NAME = "search_logs";
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "searches the logs, after a gate the test controls";
    }

    @Override
    public JsonNode schema() {
        return Json.object().put("type", "object");
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ToolResult.ok("3 lines match \"pool\"", Json.object().put("matches", 3));
    }
}
