package dev.missioncontrol.sessions;

import dev.missioncontrol.store.Dialect;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * The session queue on /metrics, across every node of the cluster: sessions with a step due and no worker on it, and
 * sessions a worker holds. A waiting count that grows while the running count stays at the nodes' concurrency says
 * the cluster needs more workers; one that grows with nothing running says the workers are stuck.
 *
 * <p>A scrape never waits on the database: the counts come from one query, shared by both gauges while it is
 * fresh, and a query that has not answered within half a second of its start shows as NaN. During an outage the
 * scrape is most needed (the pool's pending and timeout counts say why requests fail); waiting on a connection for
 * the pool's ten seconds would pass Prometheus's scrape timeout and drop every series of the node at once. Once a
 * query has failed or outlived its half second, the next is not waited on at all: it runs behind the scrape, which
 * answers at once, and its counts serve the scrape after, so an outage costs no scrape any time.
 */
public final class QueueGauges {
    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Executor QUERIES = Executors.newVirtualThreadPerTaskExecutor();

    private record Counts(long waiting, long running) {
    }

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;
    private CompletableFuture<Counts> latest;
    private long latestStarted;
    /** Until when, by {@link System#nanoTime()}, a gauge waits for the latest query to answer. */
    private volatile long answerBy;
    /** Whether the last query to end answered within the wait; if not, the database is away or struggling. */
    private volatile boolean answeredInTime = true;

    private QueueGauges(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * The gauges hold the counter strongly: a gauge keeps only a weak reference to its object by default, and
     * nothing else refers to this one, so the first garbage collection would turn both into NaN for good.
     */
    public static void bindTo(MeterRegistry registry, Jdbi jdbi, Dialect dialect, Clock clock) {
        QueueGauges queue = new QueueGauges(jdbi, dialect, clock);
        Gauge.builder("missioncontrol.sessions.waiting", queue, q -> q.read(true)).strongReference(true)
                .description("sessions with a step due that no worker holds").register(registry);
        Gauge.builder("missioncontrol.sessions.running", queue, q -> q.read(false)).strongReference(true)
                .description("sessions a worker holds").register(registry);
    }

    private double read(boolean waiting) {
        try {
            CompletableFuture<Counts> query = current();
            Counts c = query.get(Math.max(0, answerBy - System.nanoTime()), TimeUnit.NANOSECONDS);
            return waiting ? c.waiting() : c.running();
        } catch (TimeoutException | ExecutionException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** The query in flight, or the last one while it is fresh; otherwise a new one. */
    private synchronized CompletableFuture<Counts> current() {
        long now = System.nanoTime();
        boolean usable = latest != null && (!latest.isDone() || now - latestStarted < FRESH.toNanos());
        if (!usable) {
            answerBy = answeredInTime ? now + WAIT.toNanos() : now;
            latestStarted = now;
            latest = CompletableFuture.supplyAsync(this::count, QUERIES).whenComplete((counts, failure) ->
                    answeredInTime = failure == null && System.nanoTime() - now <= WAIT.toNanos());
        }
        return latest;
    }

    private Counts count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT "
                        + "COALESCE(SUM(CASE WHEN " + JobStore.dueUnclaimed(dialect) + " THEN 1 ELSE 0 END), 0) "
                        + "AS waiting, "
                        + "COALESCE(SUM(CASE WHEN lease_owner IS NOT NULL AND lease_expires_at >= "
                        + dialect.leaseNow() + " THEN 1 ELSE 0 END), 0) AS running "
                        + "FROM session_jobs")
                .bind("now", clock.millis())
                .map((rs, ctx) -> new Counts(rs.getLong("waiting"), rs.getLong("running"))).one());
    }
}
