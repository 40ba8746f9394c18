package dev.missioncontrol.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has outlived its retention, hourly: pushed samples, idempotency keys, and the like. Every node runs
 * it; each delete is idempotent, so two nodes cleaning at once only do the same work twice.
 */
public final class HourlyCleanup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HourlyCleanup.class);
    private static final Duration EVERY = Duration.ofHours(1);

    /** One kind of expired row; {@code purge} deletes them and says how many. */
    public record Task(String what, IntSupplier purge) {
    }

    private final List<Task> tasks;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hourly-cleanup").factory());

    public HourlyCleanup(List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    public HourlyCleanup start() {
        timer.scheduleWithFixedDelay(this::runAll, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    void runAll() {
        for (Task t : tasks) {
            try {
                int deleted = t.purge().getAsInt();
                if (deleted > 0) {
                    LOG.info("deleted {} {}", deleted, t.what());
                }
            } catch (RuntimeException e) {
                LOG.warn("deleting {} failed; they stay until the next run in {}", t.what(), EVERY, e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
