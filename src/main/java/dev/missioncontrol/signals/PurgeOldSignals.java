package dev.missioncontrol.signals;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes pushed samples past their retention, hourly. Every node runs it; the delete is idempotent, so two nodes
 * purging at once only do the same work twice.
 */
public final class PurgeOldSignals implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeOldSignals.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final SignalStore store;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("purge-old-signals").factory());

    public PurgeOldSignals(SignalStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    public PurgeOldSignals start() {
        timer.scheduleWithFixedDelay(this, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    @Override
    public void run() {
        try {
            int deleted = store.purgeBefore(clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.info("purged {} pushed samples older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging old signals failed; old samples stay until the next run in {}", EVERY, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
