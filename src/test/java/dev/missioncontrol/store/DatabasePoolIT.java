package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pool a node keeps on PostgreSQL, whose max_connections every node shares. */
class DatabasePoolIT {
    @Test
    void a_node_opens_no_more_connections_than_its_pool_size_even_under_load() throws Exception {
        String url = TestDatabases.freshPostgres();
        try (Database db = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-pool")), "NORMAL", 3);
             var clients = Executors.newFixedThreadPool(8)) {
            // eight queries at once, each counting the database's connections while it holds one
            List<CompletableFuture<Long>> seen = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND backend_type = 'client backend' "
                            + "AND (SELECT true FROM pg_sleep(0.2))").mapTo(Long.class).one()), clients)).toList();
            long most = seen.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
            assertThat(most).isBetween(1L, 3L);
        }
    }
}
