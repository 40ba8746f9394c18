package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.sessions.TimelineBus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Long-polls a deployment until its verdict is final, so CI can gate on it. The wait wakes on every timeline event of
 * the monitor session and re-reads at least every two seconds, so a missed wake-up only delays the answer.
 */
public final class VerdictWait {
    /** The states a watch ends in. */
    public static final Set<String> FINAL = Set.of("healthy", "marginal", "degraded", "failed", "inconclusive");
    private static final long RECHECK_MS = 2_000;

    private final DeploymentStore store;
    private final TimelineBus bus;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean stopping;

    public VerdictWait(DeploymentStore store, TimelineBus bus) {
        this.store = store;
        this.bus = bus;
    }

    /**
     * Answers every wait with the deployment as it stands, within one recheck: the server is stopping, and a poll
     * held to its end would hold the shutdown past its grace. CI's client polls again, through the restart.
     */
    public void stop() {
        stopping = true;
    }

    /** Polls held now, each a server thread: on /metrics, so a pile of them (CI jobs that hung up) shows. */
    public int waiting() {
        return waiting.get();
    }

    public static boolean isFinal(JsonNode verdict) {
        return verdict != null && verdict.hasNonNull("state") && FINAL.contains(verdict.get("state").asText());
    }

    /**
     * Waits up to {@code max} for a final verdict. {@code stillAllowed} is asked at most once per recheck and ends
     * the wait when it answers false: a key revoked during a ten-minute wait must not still be handed the verdict, and
     * a client that hung up is owed nothing.
     */
    Deployment await(String orgId, Deployment d, Duration max, BooleanSupplier stillAllowed) {
        waiting.incrementAndGet();
        try {
            return held(orgId, d, max, stillAllowed);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private Deployment held(String orgId, Deployment d, Duration max, BooleanSupplier stillAllowed) {
        Semaphore woken = new Semaphore(0);
        long deadline = System.nanoTime() + max.toNanos();
        long nextAuthCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_MS);
        try (AutoCloseable ignored = bus.listen(d.sessionId(), woken::release)) {
            Deployment current = d;
            while (!isFinal(current.verdict()) && !stopping && System.nanoTime() < deadline) {
                long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                woken.tryAcquire(Math.max(1, Math.min(RECHECK_MS, leftMs)), TimeUnit.MILLISECONDS);
                woken.drainPermits();
                if (System.nanoTime() >= nextAuthCheck) {
                    if (!stillAllowed.getAsBoolean()) {
                        return current;
                    }
                    nextAuthCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_MS);
                }
                current = store.find(orgId, d.id()).orElse(current);
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return d;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
