package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
            CountDownLatch holding = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.jdbi().useTransaction(h -> {
                h.execute("INSERT INTO marks VALUES (-1)");
                holding.countDown();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // lets its carrier go, as any wait does
                h.execute("INSERT INTO marks VALUES (-2)");
            }), threads);
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> writers = IntStream.range(0, waiters).mapToObj(i -> CompletableFuture.runAsync(
                    () -> db.jdbi().useTransaction(h -> h.execute("INSERT INTO marks VALUES (?)", i)), threads))
                    .toList();

            holder.get(10, TimeUnit.SECONDS); // a third of the busy timeout: it commits once it runs again
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            int marks = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marks").mapTo(Integer.class).one());
            assertThat(marks).isEqualTo(waiters + 2);
        }
    }
}
