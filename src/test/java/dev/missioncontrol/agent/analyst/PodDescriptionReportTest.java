package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import org.junit.jupiter.api.Test;

/** A pasted {@code kubectl describe pod} is evidence: the report quotes the state it captured. */
class PodDescriptionReportTest {
    private static final String DESCRIBED = """
            Name: cart-api-7d9f-abcde
            Containers:
              cart-api:
                State: Running
                Last State: Terminated
                  Reason: OOMKilled
                  Exit Code: 137
                Restart Count: 2
                Limits:
                  memory: 1Gi""";

    private static String report(String logs) {
        ObjectNode context = Json.object().put("service", "cart-api").put("logs", logs);
        context.putObject("tool_outputs").put("kubectl_describe_pod", DESCRIBED);
        return new Playbook().run(Playbook.facts("cart-api pods keep restarting. What is going on?", context))
                .report().markdown();
    }

    @Test
    void a_container_killed_for_memory_is_quoted_with_its_exit_code_and_restarts() {
        String logs = "2026-01-01T10:00:00Z INFO  [main] c.s.cart.CartController - GET /cart/1 200 8ms\n"
                + "2026-01-01T10:00:05Z INFO  [main] c.s.cart.CartController - GET /cart/2 200 9ms\n";
        String md = report(logs);
        assertThat(md).contains("Container OOMKilled")
                .contains("`Reason: OOMKilled`, `Exit Code: 137`, `Restart Count: 2`")
                .contains("context.tool_outputs.kubectl_describe_pod line 7: `      Exit Code: 137`")
                .contains("context.tool_outputs.kubectl_describe_pod line 10: `      memory: 1Gi`");
        String notChecked = md.substring(md.indexOf("## Not checked"));
        assertThat(notChecked).doesNotContain("(pods, restarts, resources)")
                .contains("its pods are as context.tool_outputs.kubectl_describe_pod captured them, not as they are now");
    }
}
