package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void defaults_to_a_sqlite_file_in_the_data_dir() {
        DatabaseUrl url = DatabaseUrl.resolve(null, Path.of("/var/mc"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/mc/missioncontrol.db");
        assertThat(url.dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void takes_credentials_out_of_a_postgres_url() {
        DatabaseUrl url = DatabaseUrl.resolve("postgresql://mc:p%40ss@db.internal/missioncontrol?sslmode=require",
                Path.of("."));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/missioncontrol?sslmode=require");
        assertThat(url.user()).isEqualTo("mc");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.dialect()).isEqualTo(Dialect.POSTGRES);
    }

    @Test
    void refuses_what_it_cannot_run_on() {
        assertThatThrownBy(() -> DatabaseUrl.resolve("mysql://x/y", Path.of("."))).hasMessageContaining("postgresql");
    }
}
