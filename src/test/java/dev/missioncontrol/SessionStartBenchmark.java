package dev.missioncontrol;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.Api;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How soon the agent starts: for N sessions created one after another on the embedded database, the time from the
 * client receiving the 201 to the agent's first own timeline event (seq 2) being committed, beside the same server's
 * /healthz round trip as the reference. Run with bench/session-start.sh.
 */
public final class SessionStartBenchmark {
    private SessionStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        AppConfig config = AppConfig.forDatabase(Files.createTempDirectory("mc-bench"), null);
        // The benchmark is one client well above the default write rate; the limit is not what is measured.
        config = config.withLimits(new AppConfig.Limits(1L << 20, 64L << 20, 1_000_000, 1_000_000));
        try (App app = App.start(config, Clock.tickMillis(java.time.ZoneOffset.UTC))) {
            Api api = new Api("http://127.0.0.1:" + app.port(), app.firstStart().apiKey());
            run(api, 50);
            List<Long> health = healthz(api, n);
            List<Long> toFirstAgentEvent = run(api, n);
            System.out.printf("sessions: %d (sequential, SQLite, synchronous=FULL)%n", n);
            System.out.printf("201 -> first agent event committed: p50 %d ms, p99 %d ms, max %d ms%n",
                    pct(toFirstAgentEvent, 50), pct(toFirstAgentEvent, 99), Collections.max(toFirstAgentEvent));
            System.out.printf("reference GET /healthz round trip:  p50 %.2f ms, p99 %.2f ms%n",
                    pct(health, 50) / 1000.0, pct(health, 99) / 1000.0);
        }
    }

    /** Milliseconds from the 201 arriving to seq 2's commit time; negative when the agent started first. */
    private static List<Long> run(Api api, int n) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var r = api.post("/api/v1/agent-sessions/", "{\"prompt\":\"benchmark " + i + "\"}");
            answered.add(System.currentTimeMillis());
            ids.add(r.json().get("session_id").asText());
        }
        List<Long> deltas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            deltas.add(firstAgentEventAt(api, ids.get(i)) - answered.get(i));
        }
        return deltas;
    }

    private static long firstAgentEventAt(Api api, String id) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            var events = api.get("/api/v1/agent-sessions/" + id + "/events/?after=1&limit=1").json().get("results");
            if (!events.isEmpty()) {
                return Instant.parse(events.get(0).get("created_at").asText()).toEpochMilli();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("session " + id + " never started");
    }

    private static List<Long> healthz(Api api, int n) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            api.get("/healthz");
            micros.add((System.nanoTime() - t) / 1000);
        }
        return micros;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
