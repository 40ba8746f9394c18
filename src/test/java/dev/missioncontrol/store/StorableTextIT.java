package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Text with a NUL is stored the same way on both databases: as U+FFFD, in text and in JSON columns alike. */
class StorableTextIT {

    @Test
    void sqlite_stores_a_nul_as_a_replacement_character() throws Exception {
        Path dir = Files.createTempDirectory("mc-nul");
        try (Database db = Database.open(DatabaseUrl.resolve(null, dir), "NORMAL")) {
            assertRoundTrip(db);
        }
    }

    @Test
    void postgres_stores_a_nul_as_a_replacement_character_instead_of_failing_the_write() {
        String url = TestDatabases.freshPostgres();
        try (Database db = Database.open(DatabaseUrl.resolve(url, null), "NORMAL")) {
            assertRoundTrip(db);
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    private static void assertRoundTrip(Database db) {
        var jdbi = db.jdbi();
        jdbi.useHandle(h -> h.execute("CREATE TABLE nul_check (text_value TEXT, json_value TEXT)"));
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO nul_check VALUES (:text, :json)").bind("text", "a\u0000b")
                .bind("json", Json.write(Json.object().put("k\u0000", "c\u0000d"))).execute());
        var row = jdbi.withHandle(h -> h.createQuery("SELECT * FROM nul_check WHERE text_value = :text")
                .bind("text", "a\u0000b").mapToMap().one());
        assertThat(row.get("text_value")).isEqualTo("a\uFFFDb");
        assertThat(Json.read((String) row.get("json_value")).path("k\uFFFD").asText()).isEqualTo("c\uFFFDd");
    }
}
