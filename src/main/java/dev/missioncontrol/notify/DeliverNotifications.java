package dev.missioncontrol.notify;

import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.store.OutageLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued notifications. A failed attempt (an error, a non-2xx answer, a refused destination) is logged and
 * retried with exponential backoff; after {@link SendNotification#MAX_ATTEMPTS} the notification is dead and stays
 * in the log.
 */
public final class DeliverNotifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverNotifications.class);
    /**
     * A node claims a few notifications at a time for a short lease, so that one killed mid-delivery delays an alert
     * by seconds, not minutes. Each claimed notification is sent at once on its own thread, and the next due ones are
     * claimed as soon as a slot is free, without waiting for the others: a receiver that hangs until the timeout
     * holds up no other webhook's alert. The lease outlasts an attempt: each is bounded by the guard's name lookup
     * (5 s) and the outbound timeout (10 s and a second of grace), so a slow webhook never lets a second node send
     * the same notification, and a notification in flight is leased, so this node does not claim it again either.
     */
    private static final int BATCH = 8;
    /** At most this many attempts in flight on one node: a queue of thousands does not open thousands of sockets. */
    static final int IN_FLIGHT = 32;
    private static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * One attempt's bound: the guard's name lookup (before the request's own timeout starts), the outbound timeout,
     * its second of grace, and a second to record the attempt.
     */
    private static final Duration ATTEMPT_BOUND = HostResolver.LOOKUP_TIMEOUT.plusSeconds(12);

    private final OutboxStore outbox;
    private final SendNotification attempt;
    private final Duration backoff;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;
    private final Object wake = new Object();
    private boolean woken;
    private final OutageLog rounds = new OutageLog(LOG, "delivering notifications");
    private Thread loop;

    /**
     * @param backoff the wait before the first retry; each later one doubles it
     * @param metrics counts each attempt by its outcome, so a failing webhook shows on /metrics before anyone asks
     */
    public DeliverNotifications(OutboxStore outbox, OutboundHttp http, Duration backoff, Clock clock,
            MeterRegistry metrics) {
        this.outbox = outbox;
        this.attempt = new SendNotification(outbox, http, backoff, clock, metrics);
        this.backoff = backoff;
    }

    public DeliverNotifications start() {
        long pollMs = Math.max(50, Math.min(1_000, backoff.toMillis()));
        loop = Thread.ofPlatform().daemon().name("deliver-notifications").start(() -> {
            while (!stopping) {
                try {
                    sendDue();
                    rounds.succeeded();
                    pause(pollMs);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (stopping) {
                        return; // interrupted by close(): what was not claimed waits for another node or the next start
                    }
                    rounds.failed(e, "delivering notifications failed; they are retried on the next round");
                    // a database refusing at once (read-only after a failover, a full disk) would spin this loop
                    if (!pauseQuietly(pollMs)) {
                        return;
                    }
                }
            }
        });
        return this;
    }

    /** False when interrupted: the server is stopping. */
    private boolean pauseQuietly(long ms) {
        try {
            pause(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Until the poll comes round, or a finished attempt frees a slot for the next due notification. */
    private void pause(long ms) throws InterruptedException {
        synchronized (wake) {
            if (!stopping && !woken) {
                wake.wait(ms);
            }
            woken = false;
        }
    }

    private void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    /**
     * Claims due notifications while a slot is free and starts sending each at once, waiting for none of them.
     * Returns true when the slots ran out before the due notifications did.
     */
    boolean sendDue() {
        while (!stopping) {
            int wanted = Math.min(BATCH, slots.availablePermits());
            if (wanted == 0) {
                return true;
            }
            List<OutboxStore.Pending> claimed = outbox.claimDue(wanted, LEASE);
            claimed.forEach(this::start);
            if (claimed.size() < wanted) {
                return false;
            }
        }
        return false;
    }

    /**
     * Only the delivery loop (or one caller of {@link #deliverDue}) claims, so a free slot stays free until here. A
     * claim made as the server stops, after the senders closed, is handed back rather than left leased.
     */
    private void start(OutboxStore.Pending p) {
        slots.acquireUninterruptibly();
        try {
            senders.execute(() -> send(p));
        } catch (RejectedExecutionException e) {
            slots.release();
            handBack(p);
        }
    }

    private void handBack(OutboxStore.Pending p) {
        try {
            outbox.release(p);
        } catch (RuntimeException e) {
            rounds.failed(e, "handing back notification {} failed; its lease hands it to a later round", p.id());
        }
    }

    private void send(OutboxStore.Pending p) {
        try {
            if (stopping) {
                outbox.release(p);
            } else {
                attempt.send(p);
            }
        } catch (RuntimeException e) {
            rounds.failed(e, "recording notification {} failed; its lease hands it to a later round", p.id());
        } finally {
            slots.release();
            wakeUp();
        }
    }

    /**
     * One round, as a test or a one-off caller needs it: every notification due now, once, and back when each has
     * been attempted and recorded.
     */
    public void deliverDue() {
        try {
            while (sendDue()) {
                slots.acquire(); // a slot freed: more may be claimed
                slots.release();
            }
            slots.acquire(IN_FLIGHT);
            slots.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering notifications", e);
        }
    }

    /**
     * Lets the attempts in flight finish and be recorded before the database closes. Interrupted, a receiver would
     * still get its message, but the attempt would go unrecorded and its lease would hand it to another node, which
     * sends it again: one alert, twice.
     */
    @Override
    public void close() {
        stopping = true;
        wakeUp();
        try {
            if (loop != null) {
                loop.join(Duration.ofSeconds(1));
            }
            senders.shutdown();
            if (!senders.awaitTermination(ATTEMPT_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
                // the interrupted attempts record what they can before the database closes under them
                senders.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop != null) {
            loop.interrupt();
        }
    }
}
