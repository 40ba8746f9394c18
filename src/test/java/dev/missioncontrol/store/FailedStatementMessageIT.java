package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** A failed statement is logged with its message, which must name the statement and not the values bound to it. */
class FailedStatementMessageIT {

    @Test
    void a_failed_write_names_its_statement_but_not_the_secret_bound_to_it() throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-stmt")), "NORMAL")) {
            Throwable failed = catchThrowable(() -> db.jdbi().useHandle(h -> h.createUpdate(
                    "INSERT INTO notification_webhooks (id, secret) VALUES (:id, :secret)").bind("id", "w1")
                    .bind("secret", "whsec_NeverInTheLog0123456789").execute()));
            assertThat(failed).hasMessageContaining("INSERT INTO notification_webhooks")
                    .hasMessageNotContaining("whsec_NeverInTheLog0123456789");
        }
    }
}
