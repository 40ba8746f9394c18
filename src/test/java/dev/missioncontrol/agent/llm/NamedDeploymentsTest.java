package dev.missioncontrol.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployments and commits a report names, and how each stands. */
class NamedDeploymentsTest {
    @Test
    void deployments_are_the_ids_on_lines_about_deploys_outside_quoted_log_lines() {
        String md = """
                Roll back abc1234 now.
                Request abc9999 failed twice.
                The deployment 0192f3a4-5b6c-7d8e-9f00-112233445566 landed first.
                Deploy of 2026 went out; the commit is `deadbeef`.
                After the deploy: `2026-03-01T09:00:01Z ERROR trace=ab12cd34ef56 failed`
                """;
        assertThat(NamedDeployments.in(md, QuotedLines.in(md))).extracting(NamedDeployments.Named::id)
                .containsExactly("abc1234", "0192f3a4-5b6c-7d8e-9f00-112233445566");
    }

    @Test
    void a_commit_the_request_names_stands_though_no_deployment_was_recorded() {
        SessionFacts facts = AnalystReports.facts("Checkout broke after we shipped abc1234", Json.object()
                .put("logs", "2026-03-01T09:00:01Z ERROR checkout - boom"));
        NamedDeployments deployments = new NamedDeployments(StubTool.of("list_deployments", (a, s) -> ToolResult.noData(
                "none")), StubTool.of("get_deployment", (a, s) -> ToolResult.noData("none")),
                AnalystReports.LOG_TOOLS.get("search_logs"));

        assertThat(deployments.check(List.of("abc1234", "fed4321"), facts)).containsExactly(
                Map.entry("abc1234", NamedDeployments.Standing.IN_EVIDENCE),
                Map.entry("fed4321", NamedDeployments.Standing.UNKNOWN));
    }
}
