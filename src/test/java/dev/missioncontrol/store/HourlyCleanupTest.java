package dev.missioncontrol.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HourlyCleanupTest {

    @Test
    void a_failing_task_does_not_stop_the_others() {
        AtomicInteger ran = new AtomicInteger();
        var cleanup = new HourlyCleanup(List.of(
                new HourlyCleanup.Task("broken rows", () -> {
                    throw new IllegalStateException("database away");
                }),
                new HourlyCleanup.Task("old rows", () -> ran.incrementAndGet())));
        cleanup.runAll();
        cleanup.runAll();
        assertThat(ran).hasValue(2);
        cleanup.close();
    }
}
