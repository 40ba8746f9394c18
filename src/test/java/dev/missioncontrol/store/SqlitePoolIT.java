package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On SQLite, writers waiting for the write gate hold no pooled connection. They did: behind a large push, queued
 * writers took every connection of the pool, and reads and further writes waited for one until the pool's 10 s wait
 * answered them 503 (80 deploy monitors at once on a pool of 8 lost 22 of their baseline pushes so).
 */
class SqlitePoolIT {
    @Test
    void writers_queued_behind_a_transaction_leave_the_pool_to_reads() throws Exception {
        int pool = 2;
        var url = DatabaseUrl.resolve(null, Files.createTempDirectory("mc-pool"));
        try (Database db = Database.open(url, "NORMAL", pool)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE marks (writer INTEGER)"));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> run(holder, () -> db.jdbi().useTransaction(h -> {
                h.execute("INSERT INTO marks VALUES (-1)");
                holding.countDown();
                release.await(60, TimeUnit.SECONDS); // a large push, still writing
            })));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<Thread> queued = new ArrayList<>();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 2 * pool; i++) {
                int writer = i;
                CompletableFuture<Void> inTransaction = new CompletableFuture<>();
                CompletableFuture<Void> alone = new CompletableFuture<>();
                queued.add(Thread.ofVirtual().start(() -> run(inTransaction, () -> db.jdbi().useTransaction(
                        h -> h.execute("INSERT INTO marks VALUES (?)", writer)))));
                queued.add(Thread.ofVirtual().start(() -> run(alone, () -> db.jdbi().useHandle(
                        h -> h.execute("INSERT INTO marks VALUES (?)", 100 + writer)))));
                writes.add(inTransaction);
                writes.add(alone);
            }
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> queued.stream()
                    .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING));

            // with the writers holding the pool's connections, this read waited out the pool's wait and failed
            int seen = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marks").mapTo(Integer.class).one());
            assertThat(seen).isZero(); // the held transaction's row is not committed yet
            release.countDown();

            holder.get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            int marks = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM marks").mapTo(Integer.class).one());
            assertThat(marks).isEqualTo(1 + 4 * pool);
        }
    }

    private interface Write {
        void run() throws Exception;
    }

    private static void run(CompletableFuture<Void> done, Write write) {
        try {
            write.run();
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }
}
