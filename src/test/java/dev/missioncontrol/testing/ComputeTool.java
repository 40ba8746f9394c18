package dev.missioncontrol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A tool that computes for a while without blocking once, as a regex over a paste of tens of megabytes does. */
public final class ComputeTool implements Tool {
    public final AtomicInteger runs = new AtomicInteger();
    /** Counted down as each run starts. */
    public final CountDownLatch started;
    private final Duration computing;

    public ComputeTool(Duration computing, int expectedRuns) {
        this.computing = computing;
        this.started = new CountDownLatch(expectedRuns);
    }

    @Override
    public String name() {
        return "compute";
    }

    @Override
    public String description() {
        return "computes without pause";
    }

    @Override
    public JsonNode schema() {
        return Json.object().put("type", "object");
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        runs.incrementAndGet();
        started.countDown();
        long until = System.nanoTime() + computing.toNanos();
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1);
        }
        return ToolResult.ok("computed " + (sink > 0), Json.object());
    }
}
