package dev.missioncontrol.sessions;

import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.FencedOut;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.store.OutageLog;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the runtime's timeline writes: appends from many sessions that arrive together share one
 * transaction, so SQLite pays one fsync for the batch instead of one per event. Each caller still waits until its
 * event is committed, and a fenced-out append fails alone without spoiling the batch.
 */
final class EventWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    /** A full disk or a locked file fails every batch until it ends: one line for it, not a stack trace per batch. */
    private final OutageLog outages = new OutageLog(LOG, "writing timeline events");
    private static final int MAX_BATCH = 128;

    private record Pending(Lease lease, String type, String text, JsonNode data, CompletableFuture<Entry> done) {
    }

    private final Jdbi jdbi;
    private final SessionStore store;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    EventWriter(Jdbi jdbi, SessionStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
        this.writer = Thread.ofPlatform().daemon().name("timeline-group-commit").start(this::drain);
    }

    Entry append(Lease lease, String type, String text, JsonNode data) {
        if (closed) {
            throw new FencedOut(lease);
        }
        CompletableFuture<Entry> done = new CompletableFuture<>();
        queue.add(new Pending(lease, type, text, data, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        queue.forEach(p -> p.done().completeExceptionally(new FencedOut(p.lease())));
    }

    private void commit(List<Pending> batch) {
        List<Runnable> completions = new ArrayList<>();
        try {
            // Rows are locked in one global order, so two nodes' batches cannot deadlock on each other.
            batch.sort(java.util.Comparator.comparing(p -> p.lease().sessionId()));
            jdbi.useTransaction(h -> batch.forEach(p -> completions.add(write(h, p))));
            completions.forEach(Runnable::run);
            outages.succeeded();
        } catch (RuntimeException e) {
            outages.failed(e, "a batch of {} timeline events failed to commit; each caller gets the error",
                    batch.size());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** Writes one event in the batch's transaction; returns what to tell its caller once the batch commits. */
    private Runnable write(Handle h, Pending p) {
        if (!store.holdsLease(h, p.lease())) {
            return () -> p.done().completeExceptionally(new FencedOut(p.lease()));
        }
        SessionEvent e = store.append(h, p.lease().sessionId(), p.type(), p.text(), p.data(), clock.instant());
        Entry entry = new Entry(e.seq(), e.type(), e.text(), e.data(), e.createdAt());
        return () -> p.done().complete(entry);
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
