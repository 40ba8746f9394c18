package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SQLite transactions waiting for the write lock do not hold the threads that run virtual threads. They did: waiting
 * in SQLite's native busy loop, as many of them as the machine has cores held every carrier, and the transaction
 * holding the lock, which had let its carrier go for a moment, could not run again to commit until the waiters' 30 s
 * busy timeout failed them. A server of 250 deploy posts at once stood still for 30 s and answered two of them 503.
 */
class SqliteWriteGateIT {
    @Test
    void a_transaction_that_pauses_holding_the_write_lock_commits_while_more_writers_than_cores_wait() throws Exception {
        int waiters = Runtime.getRuntime().availableProcessors() + 4; // more than the virtual threads' carriers
        var url = DatabaseUrl.resolve(null, Files.createTempDirectory("mc-gate"));
        try (Database db = Database.open(url, "NORMAL", waiters + 2);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE marks (writer INTEGER)"));
            CompletableFuture<Void> holder = pausedTransaction(db, threads, "INSERT INTO marks VALUES (-1)",
                    "INSERT INTO marks VALUES (-2)");
            List<CompletableFuture<Void>> writers = IntStream.range(0, waiters).mapToObj(i -> CompletableFuture.runAsync(
                    () -> db.jdbi().useTransaction(h -> h.execute("INSERT INTO marks VALUES (?)", i)), threads))
                    .toList();

            holder.get(10, TimeUnit.SECONDS); // a third of the busy timeout: it commits once it runs again
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            int marks = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marks").mapTo(Integer.class).one());
            assertThat(marks).isEqualTo(waiters + 2);
        }
    }

    /**
     * Writes outside a transaction take SQLite's write lock for their own implicit transaction, and waited for it in
     * the same native busy loop: a burst of "last used" touches and pick-ups (an UPDATE … RETURNING) behind a paused
     * transaction held every carrier, and after the 30 s busy timeout the touches failed with SQLITE_BUSY.
     */
    @Test
    void writes_outside_a_transaction_queue_at_the_gate_behind_a_paused_transaction() throws Exception {
        int burst = 2 * Runtime.getRuntime().availableProcessors() + 4; // of each kind, more than the carriers
        var url = DatabaseUrl.resolve(null, Files.createTempDirectory("mc-gate"));
        try (Database db = Database.open(url, "NORMAL", 2 * burst + 2);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE keys (id INTEGER PRIMARY KEY, last_used_at INTEGER, picked_up BOOLEAN)");
                IntStream.range(0, burst).forEach(i -> h.execute("INSERT INTO keys VALUES (?, NULL, FALSE)", i));
            });
            CompletableFuture<Void> holder = pausedTransaction(db, threads, "UPDATE keys SET last_used_at = -1",
                    "UPDATE keys SET last_used_at = -2");
            List<CompletableFuture<?>> writes = new ArrayList<>();
            IntStream.range(0, burst).forEach(i -> {
                writes.add(CompletableFuture.runAsync(() -> db.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE keys SET last_used_at = :now WHERE id = :id").bind("now", i).bind("id", i)
                        .execute()), threads));
                writes.add(CompletableFuture.supplyAsync(() -> db.jdbi().withHandle(h -> h.createQuery(
                        "UPDATE keys SET picked_up = TRUE WHERE id = :id RETURNING id").bind("id", i)
                        .mapTo(Integer.class).one()), threads));
            });

            List<String> failures = new ArrayList<>();
            for (CompletableFuture<?> write : writes) {
                try {
                    write.get(90, TimeUnit.SECONDS); // beyond the busy timeout, so a write stuck in it fails
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                }
            }
            holder.get(60, TimeUnit.SECONDS);
            assertThat(failures).isEmpty();
            int done = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM keys WHERE picked_up "
                    + "AND last_used_at >= 0").mapTo(Integer.class).one());
            assertThat(done).isEqualTo(burst);
        }
    }

    /** A transaction that writes, then pauses holding the write lock, then writes again; returned once it holds it. */
    private static CompletableFuture<Void> pausedTransaction(Database db, ExecutorService threads, String first,
            String second) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.jdbi().useTransaction(h -> {
            h.execute(first);
            holding.countDown();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // lets its carrier go, as any wait does
            h.execute(second);
        }), threads);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }
}
