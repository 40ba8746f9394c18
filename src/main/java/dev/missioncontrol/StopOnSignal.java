package dev.missioncontrol;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shutdown hook of {@code serve}, registered before the server starts. A SIGTERM (or Ctrl-C) that arrives while
 * the server still starts waits for the start to end, so the first start's credentials, once made, are printed before
 * the process ends; without it the JVM would end at once, the credentials unseen and the next start printing none.
 */
final class StopOnSignal implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    /** A start that takes longer is stuck (a database that never answers): the stop then goes ahead without it. */
    static final Duration START_WAIT = Duration.ofSeconds(30);

    private final Duration drain;
    private final CountDownLatch startEnded = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile App app;

    StopOnSignal(Duration drain) {
        this.drain = drain;
    }

    /** The start is over: {@code started} is the running server, or null when it failed (nothing is left to stop). */
    void startEnded(App started) {
        this.app = started;
        startEnded.countDown();
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void run() {
        try {
            // a node stopped while it started was never in a load balancer's rotation: there is nothing to drain
            boolean wasServing = startEnded.getCount() == 0;
            if (!startEnded.await(START_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("stopping although the start has not finished after {} s", START_WAIT.toSeconds());
            }
            App running = app;
            if (running != null) {
                running.drain(wasServing ? drain : Duration.ZERO);
                LOG.info("stopping: finishing in-flight requests, then closing the database");
                running.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }
}
