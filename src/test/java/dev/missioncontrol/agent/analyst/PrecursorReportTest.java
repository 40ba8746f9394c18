package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A change the logs announce shortly before the first bad line is named in the timeline, as a deployment is. */
class PrecursorReportTest {
    private final Playbook playbook = new Playbook();

    /**
     * Orders served for twenty minutes; a nightly batch starts, and three minutes later its slow queries begin, then
     * requests find the pool empty. The batch's start was never mentioned; a routine refresh every five minutes is not
     * a change and stays unnamed.
     */
    static String batchLogs(Instant from) {
        StringBuilder b = new StringBuilder();
        for (Instant t = from; t.isBefore(Instant.parse("2026-11-30T19:50:30Z")); t = t.plusSeconds(20)) {
            b.append(t).append(" INFO  [http-3] o.s.orders.OrderController - POST /orders 201 23ms\n");
            if (t.getEpochSecond() % 300 == 0) {
                b.append(t).append(" INFO  [scheduling-1] o.s.orders.PriceCache - price cache refresh started\n");
            }
        }
        b.append("2026-11-30T19:44:20.100Z INFO  [reconcile-main] o.s.orders.Reconcile - nightly-reconcile started: "
                + "480000 orders to check, 16 worker threads\n");
        for (int s = 0; s < 6; s++) {
            b.append(String.format("2026-11-30T19:47:%02d.886Z WARN  [reconcile-%d] o.s.orders.SlowQueryLog - "
                    + "Slow query 26s: SELECT * FROM order_items WHERE reconciled = false%n", 24 + s * 5, s));
        }
        for (int s = 0; s < 8; s++) {
            b.append(String.format("2026-11-30T19:49:%02d.886Z ERROR [http-1] o.s.orders.OrderController - POST "
                    + "/orders failed: HikariPool-1 - Connection is not available, request timed out after 30000ms.%n",
                    10 + s * 5));
        }
        return b.toString();
    }

    @Test
    void a_batch_started_minutes_before_the_first_bad_line_is_named_in_the_timeline() {
        String md = playbook.run(Playbook.facts("Why do orders fail?", batchLogs(
                Instant.parse("2026-11-30T19:21:00Z")))).report().markdown();

        assertThat(md).contains("2026-11-30T19:44:20.100Z: `nightly-reconcile started: 480000 orders to check, 16 "
                + "worker threads` first appears in context.logs, 3m 4s before the first bad line")
                .doesNotContain("price cache refresh started` first appears");
    }

    /** A log that began just before the line cannot tell whether it is new, so nothing is named. */
    @Test
    void a_line_near_the_start_of_the_logs_is_not_taken_for_a_change() {
        String md = playbook.run(Playbook.facts("Why do orders fail?", batchLogs(
                Instant.parse("2026-11-30T19:40:00Z")))).report().markdown();

        assertThat(md).contains("Slow query").doesNotContain("first appears");
    }
}
