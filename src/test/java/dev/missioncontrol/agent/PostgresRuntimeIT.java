package dev.missioncontrol.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.missioncontrol.testing.GateTool;
import dev.missioncontrol.testing.ScriptedBrain;
import dev.missioncontrol.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

class PostgresRuntimeIT extends RuntimeContract {
    @Override
    TestServer.Db database() {
        return TestServer.Db.POSTGRES;
    }

    /**
     * One session's job row is held by a transaction that went quiet (its node cut off mid-write), so renewing that
     * lease waits up to the statement timeout; the node's other sessions keep theirs meanwhile.
     */
    @Test
    void a_renewal_stuck_on_a_locked_row_does_not_let_the_other_leases_of_the_node_expire() throws Exception {
        String stuck = rt.newSession();
        List<String> others = IntStream.range(0, 5).mapToObj(i -> rt.newSession()).toList();
        GateTool gate = new GateTool();
        gate.close();
        Duration lease = Duration.ofSeconds(1);
        rt.dispatcher(rt.runner(new ScriptedBrain(gateThenThoughtThenReport()), gate), "node-a", 6, lease);
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.calls.get() == 6);

        try (Handle quiet = rt.db.jdbi().open()) {
            quiet.begin();
            quiet.createQuery("SELECT fence FROM session_jobs WHERE session_id = :id FOR UPDATE").bind("id", stuck)
                    .mapTo(Long.class).one();
            Thread.sleep(lease.multipliedBy(3).toMillis()); // several renewal rounds

            assertThat(rt.jobs.claimDue("node-b", 6, Duration.ofSeconds(30))).extracting(Lease::sessionId)
                    .as("node-a still renews the others").doesNotContainAnyElementsOf(others);
            quiet.rollback();
        } finally {
            gate.open();
        }
    }
}
