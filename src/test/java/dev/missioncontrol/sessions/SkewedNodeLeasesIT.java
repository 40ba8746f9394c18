package dev.missioncontrol.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.FreshPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session leases across PostgreSQL nodes whose clocks disagree by a minute, as an unsynchronized host's does: a live
 * lease stays its holder's, and a dead one is taken over once it runs out by the database's time.
 */
class SkewedNodeLeasesIT {
    private static final Duration SKEW = Duration.ofMinutes(1);
    private static final Clock TRUE = Clock.systemUTC();

    private FreshPostgres postgres;
    private Database db;
    private String sessionId;

    @BeforeEach
    void setUp() throws Exception {
        postgres = FreshPostgres.open();
        db = postgres.db();
        String org = new OrgStore(db.jdbi(), TRUE).createOrg("skew").id();
        SessionStore sessions = new SessionStore(db.jdbi(), db.dialect(), new TimelineBus());
        // due long enough ago that even the node whose clock runs behind sees the step as due
        sessionId = db.jdbi().inTransaction(h -> sessions.insert(h, new NewSession(org, null, SessionKind.GENERAL,
                "skew", "prompt", Json.object()), TRUE.instant().minus(SKEW.multipliedBy(2))));
    }

    @AfterEach
    void tearDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_node_whose_clock_runs_ahead_does_not_take_a_live_lease() {
        JobStore holder = new JobStore(db.jdbi(), db.dialect(), TRUE);
        JobStore ahead = new JobStore(db.jdbi(), db.dialect(), Clock.offset(TRUE, SKEW));
        Lease held = holder.claimDue("node-a", 1, Duration.ofSeconds(30)).get(0);

        assertThat(ahead.claimDue("node-b", 1, Duration.ofSeconds(30))).as("node-a still holds it").isEmpty();
        assertThat(holder.heartbeat(held, Duration.ofSeconds(30))).as("never fenced out").isTrue();
    }

    @Test
    void a_node_whose_clock_runs_behind_takes_over_a_dead_lease_once_it_runs_out() {
        JobStore dead = new JobStore(db.jdbi(), db.dialect(), TRUE);
        JobStore behind = new JobStore(db.jdbi(), db.dialect(), Clock.offset(TRUE, SKEW.negated()));
        dead.claimDue("node-a", 1, Duration.ofMillis(300)); // and node-a stops: no heartbeat, no release

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<Lease> taken = behind.claimDue("node-b", 1, Duration.ofSeconds(30));
            assertThat(taken).extracting(Lease::sessionId, Lease::resumedFrom).containsExactly(
                    tuple(sessionId, "node-a"));
        });
    }
}
