package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Investigates a deploy that failed: what landed before it, and what the service's metrics did around it. Only tools
 * this node has are called, so the monitor keeps working whichever analyst tools are installed.
 */
final class InvestigateFailure {
    /** How far back earlier deploys are listed, to name the last good one. */
    static final Duration HISTORY = Duration.ofDays(7);
    /** The metrics window before the failure. */
    static final Duration BEFORE = Duration.ofMinutes(30);

    private final Set<String> tools;

    InvestigateFailure(Set<String> tools) {
        this.tools = Set.copyOf(tools);
    }

    Step next(MonitorTimeline t, Instant now) {
        JsonNode d = t.facts();
        Instant at = Instant.parse(d.path("created_at").asText());
        if (tools.contains("list_deployments") && t.result("list_deployments").isEmpty()) {
            return new Step.CallTool("list_deployments", Json.object()
                    .put("repository", d.path("repository_full_name").asText())
                    .put("since", at.minus(HISTORY).toString()).put("until", at.toString()).put("limit", 10));
        }
        if (tools.contains("query_metrics") && t.result("query_metrics").isEmpty()) {
            return new Step.CallTool("query_metrics", Json.object().put("since", at.minus(BEFORE).toString())
                    .put("until", now.toString()));
        }
        Verdict failed = new Verdict(VerdictState.FAILED, null, List.of(), now);
        return DeployMonitorBrain.conclude(t, "The deployment failed" + commit(d) + "; verdict failed.",
                MonitorReport.failure(d, result(t, "list_deployments"), result(t, "query_metrics")), failed);
    }

    private static Optional<Entry> result(MonitorTimeline t, String tool) {
        return t.result(tool);
    }

    private static String commit(JsonNode d) {
        String sha = d.path("commit_sha").asText("");
        return sha.isEmpty() ? "" : " at commit " + sha.substring(0, Math.min(7, sha.length()));
    }
}
