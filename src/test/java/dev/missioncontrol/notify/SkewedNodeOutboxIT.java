package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.testing.FreshPostgres;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery leases across PostgreSQL nodes whose clocks disagree by a minute: a node running ahead does not send a
 * notification another node is sending, and one running behind sends one a dead node left once its lease runs out.
 */
class SkewedNodeOutboxIT {
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Clock TRUE = Clock.systemUTC();

    private FreshPostgres postgres;
    private Database db;

    @BeforeEach
    void setUp() throws Exception {
        postgres = FreshPostgres.open();
        db = postgres.db();
        String org = new OrgStore(db.jdbi(), TRUE).createOrg("skew").id();
        Webhook hook = new WebhookStore(db.jdbi(), TRUE).create(org, Webhook.GENERIC, "ops",
                "http://127.0.0.1:9/hook", "whsec_" + "s".repeat(32));
        // queued long enough ago that even the node whose clock runs behind sees it as due
        new OutboxStore(db.jdbi(), db.dialect(), Clock.offset(TRUE, SKEW.multipliedBy(-2)))
                .enqueue(hook, "verdict-1", "{}", null);
    }

    @AfterEach
    void tearDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_node_whose_clock_runs_ahead_does_not_send_a_notification_another_node_is_sending() {
        OutboxStore sending = new OutboxStore(db.jdbi(), db.dialect(), TRUE);
        OutboxStore ahead = new OutboxStore(db.jdbi(), db.dialect(), Clock.offset(TRUE, SKEW));
        assertThat(sending.claimDue(10, Duration.ofSeconds(30))).hasSize(1);

        assertThat(ahead.claimDue(10, Duration.ofSeconds(30))).as("the other node is sending it").isEmpty();
    }

    @Test
    void a_node_whose_clock_runs_behind_sends_a_notification_a_dead_node_left_once_its_lease_runs_out() {
        OutboxStore dead = new OutboxStore(db.jdbi(), db.dialect(), TRUE);
        OutboxStore behind = new OutboxStore(db.jdbi(), db.dialect(), Clock.offset(TRUE, SKEW.negated()));
        assertThat(dead.claimDue(10, Duration.ofMillis(300))).hasSize(1); // and that node stops mid-delivery

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> behind.claimDue(10, Duration.ofSeconds(30)).size() == 1);
    }
}
