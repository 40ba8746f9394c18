package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.knowledge.LogTools;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The whole analyst playbook (analyze, searches, known issues, findings, report) on one large log, in process:
 * time per tool, total time and peak heap. The log is either generated (MEGABYTES) or a request.json.gz.
 * Usage: {@code AnalystBenchmark 50} or {@code AnalystBenchmark path/to/request.json.gz}; with
 * {@code -Danalyst.report=true} (through {@code bench/java.sh}) it also prints the report it wrote.
 */
public final class AnalystBenchmark {

    private AnalystBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode request = args[0].endsWith(".gz") ? read(Path.of(args[0]))
                : Json.object().put("prompt", "Why do orders time out?").set("context",
                        Json.object().put("logs", synthetic(Long.parseLong(args[0]) << 20, 42)));
        String logs = request.path("context").path("logs").asText("");
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Step.Finish done = run(new SessionFacts("bench", "o", null, "root_cause_analysis",
                request.path("prompt").asText(), request.path("context"), Instant.now()));
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of this thread: the work itself, whatever else the machine is doing meanwhile
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%.1f MB of logs: playbook in %.2f s wall, %.2f s CPU, peak heap %.0f MB "
                + "(-Xmx %d MB)%n", logs.length() / 1048576.0, seconds, cpu, peakHeap() / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("outcome: " + done.report().outcome());
        if (Boolean.getBoolean("analyst.report")) {
            System.out.println(done.report().markdown());
        }
    }

    private static Step.Finish run(SessionFacts facts) {
        Map<String, Tool> tools = new HashMap<>();
        LogTools.all(null).forEach(t -> tools.put(t.name(), t));
        List<Entry> timeline = new ArrayList<>();
        AnalystBrain brain = new AnalystBrain();
        while (true) {
            Step step = brain.next(new History(facts, List.copyOf(timeline), Instant.now()));
            if (step instanceof Step.Finish f) {
                return f;
            }
            if (step instanceof Step.CallTool c) {
                long seq = timeline.size() + 1;
                timeline.add(new Entry(seq, "tool_call", "", Json.object().put("tool", c.tool()).set("args", c.args()),
                        Instant.now()));
                long t0 = System.nanoTime();
                long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                // no database here: the deployment list is empty, as on a server without deployments
                ToolResult r = c.tool().equals("list_deployments") ? ToolResult.noData("no deployments")
                        : tools.get(c.tool()).run(c.args(), facts);
                System.out.printf(Locale.ROOT, "  %-20s %7.2f s wall %7.2f s CPU  %s%n", c.tool(),
                        (System.nanoTime() - t0) / 1e9,
                        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9,
                        r.summary().length() > 100 ? r.summary().substring(0, 100) + "…" : r.summary());
                var data = Json.object().put("tool", c.tool()).put("call_seq", seq).put("status", r.status().wire());
                data.set("data", r.data());
                timeline.add(new Entry(seq + 1, "tool_result", r.summary(), data, Instant.now()));
            } else if (step instanceof Step.Note n) {
                timeline.add(new Entry(timeline.size() + 1, n.kind().eventType(), n.text(), n.data(), Instant.now()));
            }
        }
    }

    /**
     * An hour of an order service: ordinary requests, a steady cache warning, and from 60 % on a connection pool
     * that fills up and then refuses connections, with stack traces.
     */
    static String synthetic(long bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder((int) bytes + 1024);
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        long lines = 0;
        while (b.length() < bytes) {
            t = t.plusMillis(random.nextInt(20));
            double progress = (double) b.length() / bytes;
            lines++;
            b.append(t).append(' ');
            if (progress > 0.6 && lines % 50 == 0) {
                int used = (int) Math.min(100, 60 + (progress - 0.6) * 150 + random.nextInt(3));
                b.append("WARN  [pool-monitor] db.Pool - connection pool usage ").append(used).append("/100 active\n");
            } else if (progress > 0.8 && random.nextInt(20) == 0) {
                b.append("ERROR [http-exec-").append(random.nextInt(64)).append("] orders.Checkout - Could not acquire ")
                        .append("connection from pool after 30s\njava.sql.SQLTransientConnectionException: timeout\n")
                        .append("\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)\n");
            } else if (lines % 997 == 0) {
                b.append("WARN  [cache] orders.Cache - cache node cache-").append(random.nextInt(3))
                        .append(" answered slowly, served a stale entry\n");
            } else {
                b.append("INFO  [http-exec-").append(random.nextInt(64)).append("] orders.Api - GET /api/orders/")
                        .append(random.nextInt(100000)).append(" 200 in ").append(5 + random.nextInt(40))
                        .append("ms user=u").append(random.nextInt(5000)).append('\n');
            }
        }
        return b.toString();
    }

    private static JsonNode read(Path gz) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
