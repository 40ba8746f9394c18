package dev.missioncontrol.signals;

import dev.missioncontrol.monitor.EarlierWindows;
import dev.missioncontrol.monitor.MetricJudgement;
import dev.missioncontrol.monitor.MetricSamples;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a check costs a project that pushes fast, on the embedded database: one metric pushed every second by
 * {@value #INSTANCES} instances, for a day and the same day a week earlier. A check of the default 30-minute bake's
 * last window reads its history (48 windows: a day) and last week's, then judges the metric. Reported as
 * milliseconds per read and per judgement, beside the read of the two windows themselves in the same run.
 */
public final class PushedHistoryCostBenchmark {
    private static final int INSTANCES = 4;
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final Instant DEPLOYED = Instant.parse("2026-11-02T12:00:00Z");

    private PushedHistoryCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mc-pushed-cost");
        try (Database db = Database.open(DatabaseUrl.resolve(null, dir), "normal")) {
            SignalStore store = new SignalStore(db.jdbi());
            String project = project(db);
            Instant historyEnd = DEPLOYED.minus(WINDOW);
            Instant historyStart = historyEnd.minus(EarlierWindows.reach(WINDOW));
            long inserted = push(db, store, project, historyStart.minus(Duration.ofDays(7)),
                    DEPLOYED.plus(WINDOW).minus(Duration.ofDays(7))) + push(db, store, project, historyStart,
                    DEPLOYED.plus(WINDOW));
            System.out.printf("samples stored: %d (%d instances, one a second)%n%n", inserted, INSTANCES);
            System.out.println("| read or judgement | samples | ms |");
            System.out.println("|---|---:|---:|");
            for (int round = 0; round < 2; round++) { // the first round warms up
                boolean print = round == 1;
                double[] windows = timedRead(store, project, historyEnd, DEPLOYED.plus(WINDOW), "the two windows",
                        print);
                double[] history = timedRead(store, project, historyStart, historyEnd, "the history (a day)", print);
                double[] lastWeek = timedRead(store, project, historyStart.minus(Duration.ofDays(7)),
                        historyEnd.minus(Duration.ofDays(7)), "last week's history", print);
                int half = windows.length / 2;
                double[] current = slice(windows, half, windows.length);
                for (int i = 0; i < current.length; i++) {
                    current[i] *= 1.33; // a rise, so that the judge weighs it against the history
                }
                double[] lastWeekWindows = timedRead(store, project, historyEnd.minus(Duration.ofDays(7)),
                        DEPLOYED.plus(WINDOW).minus(Duration.ofDays(7)), "last week's two windows", print);
                MetricSamples samples = MetricSamples.of("latency_ms", slice(windows, 0, half), current)
                        .withHistory(history);
                timedJudgement(samples, "judge the rise with the day's history", print);
                int weekHalf = lastWeekWindows.length / 2;
                timedJudgement(samples.withWeekEarlier(slice(lastWeekWindows, 0, weekHalf),
                                slice(lastWeekWindows, weekHalf, lastWeekWindows.length)).withWeekEarlierHistory(lastWeek),
                        "judge it with last week's as well", print);
            }
        }
    }

    private static void timedJudgement(MetricSamples samples, String what, boolean print) {
        long start = System.nanoTime();
        String result = MetricJudgement.judge(samples).result().name();
        if (print) {
            System.out.printf("| %s (%s) | %d | %.1f |%n", what, result.toLowerCase(), samples.history().length,
                    (System.nanoTime() - start) / 1e6);
        }
    }

    private static String project(Database db) {
        OrgStore orgs = new OrgStore(db.jdbi(), Clock.systemUTC());
        String org = orgs.createOrg("bench").id();
        return db.jdbi().withHandle(h -> OrgStore.insertProject(h, org, "acme/fast", Instant.now()).id());
    }

    /** One sample a second from each instance in [from, to), latency around 100 ms; returns samples stored. */
    private static long push(Database db, SignalStore store, String project, Instant from, Instant to) {
        Random noise = new Random(from.getEpochSecond());
        long stored = 0;
        for (Instant batchStart = from; batchStart.isBefore(to); batchStart = batchStart.plusSeconds(600)) {
            List<Sample> batch = new ArrayList<>();
            for (int s = 0; s < 600 && batchStart.plusSeconds(s).isBefore(to); s++) {
                for (int i = 0; i < INSTANCES; i++) {
                    batch.add(new Sample("latency_ms", 100 + 5 * noise.nextGaussian(), batchStart.plusSeconds(s),
                            Map.of("service", "fast", "instance", "i-" + i)));
                }
            }
            String org = db.jdbi().withHandle(h -> h.createQuery("SELECT org_id FROM projects WHERE id = :id")
                    .bind("id", project).mapTo(String.class).one());
            db.jdbi().useTransaction(h -> store.insert(h, org, project, PushedSeries.of(batch), Instant.now()));
            stored += batch.size();
        }
        return stored;
    }

    private static double[] timedRead(SignalStore store, String project, Instant from, Instant to, String what,
            boolean print) {
        long start = System.nanoTime();
        List<Series> series = store.series(project, from, to);
        double[] values = series.isEmpty() ? new double[0] : series.getFirst().values();
        if (print) {
            System.out.printf("| read %s | %d | %.1f |%n", what, values.length, (System.nanoTime() - start) / 1e6);
        }
        return values;
    }

    private static double[] slice(double[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }
}
