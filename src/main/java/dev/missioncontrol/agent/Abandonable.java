package dev.missioncontrol.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a brain's step or a tool on a thread of its own, so that a worker whose session was cancelled or taken over
 * walks away from a slow answer instead of holding its slot until the answer comes: an LLM provider can take minutes
 * to answer or to time out, and a tool over tens of megabytes of logs minutes to finish. The step's thread is interrupted, which aborts a provider call waiting on the JDK's HTTP client; its
 * answer, should one still come, is never recorded.
 */
final class Abandonable {
    private Abandonable() {
    }

    /**
     * The step's result, or {@link FencedOut} as soon as {@code lost} says the lease is gone (checked every
     * {@code every}) or this worker is interrupted, as a node that shuts down interrupts its workers.
     */
    static <T> T await(Supplier<T> step, Lease lease, BooleanSupplier lost, Duration every) {
        return within(step, lease, lost, every, () -> false).orElseThrow();
    }

    /**
     * As {@link #await}, also walking away, with nothing, once {@code outOfTime} says so: a step that never ends
     * would otherwise hold its worker, and the session, for good while the heartbeat keeps the lease alive.
     */
    static <T> Optional<T> within(Supplier<T> step, Lease lease, BooleanSupplier lost, Duration every,
            BooleanSupplier outOfTime) {
        FutureTask<T> task = new FutureTask<>(step::get);
        // a platform thread: a step may compute for minutes without a pause (the log tools on a large paste), and a
        // virtual one would hold a carrier of the web server's requests for as long, all of them with one per core
        Thread.ofPlatform().daemon().name("step-" + lease.sessionId()).start(task);
        try {
            while (true) {
                try {
                    return Optional.of(task.get(every.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    if (lost.getAsBoolean()) {
                        task.cancel(true);
                        throw new FencedOut(lease);
                    }
                    if (outOfTime.getAsBoolean()) {
                        task.cancel(true);
                        return Optional.empty();
                    }
                }
            }
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new FencedOut(lease);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
