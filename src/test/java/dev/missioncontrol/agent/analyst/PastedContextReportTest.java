package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a person pastes beside the logs: captured output under a key of its own is read as a log, once; their own
 * words are not, so a description saying what was ruled out raises no cause.
 */
class PastedContextReportTest {
    private static final String CLEAN_LOGS = """
            2026-01-01T10:00:00Z INFO orders - POST /orders 201 in 41ms
            2026-01-01T10:00:05Z INFO orders - POST /orders 201 in 38ms
            2026-01-01T10:00:10Z INFO orders - GET /orders/42 200 in 12ms
            2026-01-01T10:00:15Z INFO orders - POST /orders 201 in 44ms
            2026-01-01T10:00:20Z INFO orders - GET /orders/43 200 in 11ms
            2026-01-01T10:00:25Z INFO orders - POST /orders 201 in 40ms
            2026-01-01T10:00:30Z INFO orders - GET /orders/44 200 in 13ms
            2026-01-01T10:00:35Z INFO orders - POST /orders 201 in 39ms
            2026-01-01T10:00:40Z INFO orders - GET /orders/45 200 in 12ms
            """;
    private static final String TRACE = """
            java.lang.OutOfMemoryError: Java heap space
            \tat com.acme.orders.OrderCache.put(OrderCache.java:88)
            \tat com.acme.orders.OrderService.create(OrderService.java:51)
            \tat com.acme.orders.OrdersController.post(OrdersController.java:30)
            """;

    private final Playbook playbook = new Playbook();

    @Test
    void a_description_in_a_persons_words_raises_no_cause() {
        ObjectNode context = Json.object().put("logs", CLEAN_LOGS).put("description", "Orders page feels slow since "
                + "this morning. The certificate was renewed last week, so it is not an expired certificate; we have "
                + "not seen any 429 rate limit errors either, and the connection pool was resized on Monday. Nobody "
                + "saw an OutOfMemoryError. Customers report timeouts on checkout now and then, nothing we could "
                + "reproduce. Please look at what changed and whether the database is to blame for this. The last "
                + "incident like it was a connection refused storm from the payments gateway, many months ago.");
        assertThat(context.get("description").asText()).hasSizeGreaterThan(500);

        String md = playbook.run(Playbook.facts("Why are orders slow?", context)).report().markdown();

        assertThat(md).contains("No problem found").doesNotContain("certificate expired")
                .doesNotContain("Most likely cause").doesNotContain("context.description");
    }

    @Test
    void the_same_log_pasted_again_under_another_key_is_counted_once() {
        String logs = CLEAN_LOGS + "2026-01-01T10:00:42Z ERROR orders - order not saved after 3 retries: upstream "
                + "timeout from payments\n2026-01-01T10:00:43Z ERROR orders - order not saved after 3 retries: "
                + "upstream timeout from payments\n";
        assertThat(logs).hasSizeGreaterThan(500);
        String once = playbook.run(Playbook.facts("Why do orders fail?", Json.object().put("logs", logs)))
                .report().markdown();

        String twice = new Playbook().run(Playbook.facts("Why do orders fail?", Json.object().put("logs", logs)
                .put("raw_logs", logs))).report().markdown();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void a_pasted_stack_trace_is_read_and_without_times_still_leaves_the_latest_deployment_named() {
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-orders").put("repository_full_name", "acme/orders")
                .put("created_at", "2026-01-01T10:50:00Z").put("status", "success")
                .put("commit_sha", "a1b2c3d4e5f6").put("commit_message", "Raise order cache size to 500k entries");
        SessionFacts facts = new SessionFacts("s-trace", "o", "p-orders", "root_cause_analysis",
                "Why do orders fail?", Json.object().put("repository_full_name", "acme/orders")
                .put("stacktrace", TRACE), Instant.parse("2026-01-01T11:00:00Z"));

        String md = playbook.run(facts, ToolResult.ok("1 deployment", listed)).report().markdown();

        assertThat(md).contains("java.lang.OutOfMemoryError: Java heap space").contains("context.stacktrace")
                .contains("The latest deployment landed 10m 0s before the question was asked")
                .contains("The failing lines carry no times, so they could not be lined up with it")
                .contains("If the problem began after deployment d-orders");
    }

    /** The service's own log has times; the trace pasted beside it has none: the report says which lack them. */
    @Test
    void an_undated_trace_beside_a_timed_log_is_not_said_to_be_a_log_without_time() {
        ObjectNode context = Json.object().put("logs", CLEAN_LOGS).put("stacktrace", TRACE);

        String md = playbook.run(Playbook.facts("Why do orders fail?", context)).report().markdown();

        assertThat(md).contains("java.lang.OutOfMemoryError: Java heap space")
                .contains("the problem lines carry no time, so whether it is still happening cannot be told")
                .doesNotContain("the logs carry no time");
    }

    /** Captured output under other names: an error message's trace, and a key holding files as `logs` may. */
    @Test
    void an_error_message_key_and_a_key_of_files_are_read_as_logs() {
        ObjectNode context = Json.object().put("lastErrorMessage", TRACE);
        context.putObject("raw_logs").put("api.log", "2026-01-01T10:00:40Z ERROR api - order not saved after 3 "
                + "retries: upstream timeout from payments\n");

        String md = playbook.run(Playbook.facts("Why do orders fail?", context)).report().markdown();

        assertThat(md).contains("context.lastErrorMessage").contains("java.lang.OutOfMemoryError: Java heap space")
                .contains("context.raw_logs.api.log").contains("upstream timeout from payments");
    }
}
