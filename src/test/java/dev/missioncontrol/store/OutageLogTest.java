package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class OutageLogTest {
    private final Queue<SubstituteLoggingEvent> events = new ArrayDeque<>();
    private final OutageLog log = new OutageLog(new SubstituteLogger("loop", events, false), "claiming due sessions");

    @Test
    void an_outage_is_logged_once_when_met_and_once_when_it_ends_without_a_stack_trace() {
        RuntimeException away = new RuntimeException(new SQLTransientConnectionException("connection is not available"));
        for (int round = 0; round < 5; round++) {
            log.failed(away, "claiming due sessions failed");
        }
        log.succeeded();
        log.succeeded();

        assertThat(events).extracting(SubstituteLoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(events).allSatisfy(e -> assertThat(e.getThrowable()).isNull());
        assertThat(events.peek().getArgumentArray()).contains("claiming due sessions");
    }

    @Test
    void any_other_failure_is_logged_every_time_with_its_stack_trace_and_arguments() {
        IllegalStateException bug = new IllegalStateException("a bug");
        log.failed(bug, "heartbeat for session {} failed", "s1");
        log.failed(bug, "heartbeat for session {} failed", "s2");

        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getThrowable()).isSameAs(bug);
        });
        assertThat(events.peek().getArgumentArray()).containsExactly("s1");
    }
}
