package dev.missioncontrol.testing;

import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A tool that can be held closed, to freeze a worker mid-step, and counts how often it ran. */
public final class GateTool implements Tool {
    public final AtomicInteger calls = new AtomicInteger();
    public final CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public void close() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public String description() {
        return "waits at a gate the test controls";
    }

    @Override
    public JsonNode schema() {
        return Json.object().put("type", "object");
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        int n = calls.incrementAndGet();
        CountDownLatch g = gate;
        entered.countDown();
        try {
            g.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ToolResult.ok("gate passed (call " + n + ")", Json.object().put("call", n));
    }
}
