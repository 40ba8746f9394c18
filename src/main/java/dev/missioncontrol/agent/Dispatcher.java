package dev.missioncontrol.agent;

import dev.missioncontrol.store.DatabaseOutage;
import dev.missioncontrol.store.OutageLog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due sessions for this node, up to its concurrency limit, and keeps their leases alive. It polls, and is
 * nudged when work appears, so a new session starts within milliseconds without a tight loop.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** After an infrastructure error the session is retried this much later, not in a hot loop. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /**
     * Renewals on the database at once: enough that a stuck one holds up no other, few enough to leave the pool to
     * the workers; the other leases wait their turn, each on its own thread.
     */
    private static final int RENEWALS_AT_ONCE = 4;

    private final WorkQueue queue;
    private final SessionRunner runner;
    private final String node;
    private final int concurrency;
    private final Duration lease;
    private final Duration poll;
    /**
     * By lease, not by session: a session cancelled and reopened can be claimed again here while its first worker
     * has yet to notice, and the heartbeat must go on checking that worker's lease to walk it away.
     */
    private final Set<Lease> running = ConcurrentHashMap.newKeySet();
    /** Leases the heartbeat found gone (cancelled or taken over): their workers walk away from a slow step. */
    private final Set<Lease> lost = ConcurrentHashMap.newKeySet();
    /**
     * Leases being renewed. Each renewal runs on its own, since one can wait out the statement timeout (a row locked
     * by a node cut off mid-write, a connection gone dead) that is longer than a lease: renewed in turn, every other
     * lease of the node would run out behind it and be taken over.
     */
    private final Set<Lease> renewing = ConcurrentHashMap.newKeySet();
    /**
     * Renewals run on platform threads, which the operating system schedules whatever else runs. Virtual threads run
     * only when a carrier is free, and a step that computes without pause (a tool reading a 40 MB paste) holds its
     * carrier throughout: with one such step per core, no renewal ran, the node's own leases ran out while it worked,
     * and it took its sessions back from itself as if it had crashed, counting an attempt and running the step twice.
     */
    private final ExecutorService renewals = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("lease-renewal-", 0).factory());
    /**
     * Sessions this node could not give back (the database refused the release: a full disk, a lock); their leases
     * run out instead, and when this node claims one again it is not a crash of the node that held it: it lived.
     */
    private final Set<String> unreleased = ConcurrentHashMap.newKeySet();
    private final Semaphore nudges = new Semaphore(0);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore renewalSlots = new Semaphore(RENEWALS_AT_ONCE);
    private final OutageLog claims = new OutageLog(LOG, "claiming due sessions");
    private final OutageLog heartbeats = new OutageLog(LOG, "renewing session leases");
    private volatile boolean stopping;
    /** Off while the node drains: it finishes what it runs, and leaves new work to the other nodes. */
    private volatile boolean claiming = true;
    private Thread claimer;
    private Thread heartbeat;

    public Dispatcher(WorkQueue queue, SessionRunner runner, String node, int concurrency, Duration lease,
            Duration poll) {
        this.queue = queue;
        this.runner = runner;
        this.node = node;
        this.concurrency = concurrency;
        this.lease = lease;
        this.poll = poll;
    }

    public Dispatcher start() {
        claimer = Thread.ofPlatform().daemon().name("claim-due-sessions").start(this::claimLoop);
        heartbeat = Thread.ofPlatform().daemon().name("session-heartbeat").start(this::heartbeatLoop);
        return this;
    }

    /** New work may be due: a session was created, messaged or woken. */
    public void nudge() {
        nudges.release();
    }

    /**
     * Claims no more sessions, letting the running ones go on: a node about to stop would only give new work back,
     * its step half done (an LLM answer paid for twice, a long analysis run again), to the next node or its restart.
     */
    public void stopClaiming() {
        claiming = false;
    }

    public int runningCount() {
        return running.size();
    }

    private void claimLoop() {
        while (!stopping) {
            try {
                int free = claiming ? concurrency - running.size() : 0;
                List<Lease> claimed = free > 0 ? queue.claimDue(node, free, lease) : List.of();
                claims.succeeded();
                claimed.stream().map(this::notCrashedHere).forEach(this::launch);
                if (claimed.isEmpty() || claimed.size() < free) {
                    nudges.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                claims.failed(e, "claiming due sessions failed; retrying after the poll interval");
                sleepQuietly(poll.toMillis());
            }
        }
    }

    private void launch(Lease l) {
        running.add(l);
        workers.submit(() -> {
            try {
                // once stopping, close() has given the session back; a release here would only meet the interrupt
                if (runner.run(l, () -> lost.contains(l)) == SessionRunner.Outcome.RETRY && !stopping) {
                    releaseQuietly(l, RETRY_AFTER);
                }
            } catch (RuntimeException e) {
                // Nothing above this task would report it: an uncaught error here would vanish with the thread.
                LOG.error("session {} hit an infrastructure error; it will be retried in {} s", l.sessionId(),
                        RETRY_AFTER.toSeconds(), e);
                releaseQuietly(l, RETRY_AFTER);
            } catch (Throwable t) {
                // The lease is left to expire, as a dead node's would: the next claim counts the attempt, so a
                // session that runs the heap out every time is failed after a few rather than retried forever.
                LOG.error("session {} hit a JVM error; it is retried once its lease expires, in {} s", l.sessionId(),
                        lease.toSeconds(), t);
            } finally {
                running.remove(l);
                lost.remove(l);
                nudge();
            }
        });
    }

    private void heartbeatLoop() {
        long every = Math.max(100, lease.toMillis() / 3);
        while (!stopping) {
            sleepQuietly(every);
            lost.removeIf(l -> !running.contains(l)); // a worker that ended as it was found lost
            for (Lease l : running) {
                // a lease whose last renewal has yet to answer waits for it; the round goes on without it
                if (renewing.add(l)) {
                    try {
                        renewals.submit(() -> renew(l));
                    } catch (RejectedExecutionException e) {
                        return; // close() stopped the renewals: the node gives its sessions back
                    }
                }
            }
        }
    }

    private void renew(Lease l) {
        try {
            renewalSlots.acquire();
            try {
                renewOnce(l);
            } finally {
                renewalSlots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() stopped the renewals
        } finally {
            renewing.remove(l);
        }
    }

    private void renewOnce(Lease l) {
        try {
            // A session that just ended has no job row left; only a lease lost mid-run is news.
            // after close() gave the sessions back, their leases are gone on purpose
            if (!queue.heartbeat(l, lease) && running.contains(l) && lost.add(l) && !stopping) {
                LOG.info("session {} was cancelled or taken over by another node; its worker here stops",
                        l.sessionId());
            }
            heartbeats.succeeded();
        } catch (RuntimeException | Error e) {
            heartbeats.failed(e, "heartbeat for session {} failed; the lease may expire", l.sessionId());
        }
    }

    /**
     * Lets a renewal in flight finish before the leases are given back: interrupted inside its statement, it marked its
     * connection broken and logged the database as out of reach at every ordinary stop. One stuck on a dead
     * connection is interrupted after a moment.
     */
    private void stopRenewals() {
        renewals.shutdown();
        try {
            renewals.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        renewals.shutdownNow();
    }

    /** Stops claiming, gives running sessions back so another node resumes them at once, and stops the workers. */
    @Override
    public void close() {
        stopping = true;
        if (claimer != null) {
            claimer.interrupt();
            heartbeat.interrupt();
        }
        stopRenewals();
        running.forEach(l -> releaseQuietly(l, Duration.ZERO));
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lease, without the crash it names when this node itself let it run out for want of a release. */
    private Lease notCrashedHere(Lease l) {
        // removed at any claim here: after another node held the session, a later lapse here is news again
        boolean unreleasedHere = unreleased.remove(l.sessionId());
        return unreleasedHere && node.equals(l.resumedFrom()) ? new Lease(l.sessionId(), l.owner(), l.fence(), null)
                : l;
    }

    private void releaseQuietly(Lease l, Duration delay) {
        try {
            queue.release(l, delay);
        } catch (RuntimeException e) {
            unreleased.add(l.sessionId());
            // the outage was logged where the session met it; its stack trace here would only repeat it
            LOG.warn("could not release session {}; it resumes when its lease expires", l.sessionId(),
                    DatabaseOutage.is(e) ? e.toString() : e);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
