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

    /**
     * A statement whose answer never comes (the database fell silent under it) gives up after a minute rather than
     * TCP's quarter hour, and the database itself ends a transaction a node cut off left open; a URL sets its own.
     */
    @Test
    void a_nodes_connections_bound_a_silent_statement_and_an_abandoned_transaction() throws Exception {
        String url = TestDatabases.freshPostgres();
        try (Database db = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-pool")), "NORMAL", 1)) {
            db.jdbi().useHandle(h -> {
                assertThat(h.getConnection().getNetworkTimeout()).isEqualTo(60_000);
                assertThat(h.createQuery("SHOW idle_in_transaction_session_timeout").mapTo(String.class).one())
                        .isEqualTo("1min");
            });
        }
        try (Database db = Database.open(DatabaseUrl.resolve(url + "?socketTimeout=5", Files.createTempDirectory(
                "mc-pool")), "NORMAL", 1)) {
            int timeout = db.jdbi().withHandle(h -> h.getConnection().getNetworkTimeout());
            assertThat(timeout).isEqualTo(5_000);
        }
    }
}
