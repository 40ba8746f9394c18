package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The deploy monitor's bookkeeping: it reads the deployment this session watches, waits while the deploy is pending
 * or running, and closes the session once the deploy has ended. Verification with signals builds on this.
 */
public final class RecordDeploymentBrain implements Brain {
    /** A pending deploy that never reports again is closed after this long. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    @Override
    public Step next(History h) {
        Optional<Entry> answer = h.unansweredMessage();
        if (answer.isPresent()) {
            return new Step.Say("I am watching this deployment's events; verdicts with signals are shown on the "
                    + "deployment page.");
        }
        Optional<Entry> latest = latestDeployment(h);
        if (latest.isEmpty()) {
            return new Step.CallTool("get_deployment", Json.object());
        }
        JsonNode d = latest.get().data().path("data");
        String status = d.path("status").asText("unknown");
        return switch (status) {
            case "pending", "running" -> new Step.Wait(h.now().plus(GIVE_UP_AFTER),
                    "the deployment is " + status + "; waiting for its next event");
            default -> new Step.Finish(report(d, status));
        };
    }

    /** The newest get_deployment result, unless a deployment event arrived after it. */
    private static Optional<Entry> latestDeployment(History h) {
        List<Entry> results = h.results("get_deployment");
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Entry last = results.get(results.size() - 1);
        boolean newerEvent = h.entries().stream()
                .anyMatch(e -> e.seq() > last.seq() && e.is("status") && e.data().has("deployment_status"));
        return newerEvent ? Optional.empty() : Optional.of(last);
    }

    private static Report report(JsonNode d, String status) {
        String what = d.path("repository_full_name").asText() + " " + d.path("commit_sha").asText("");
        String outcome = "Deployment " + status + ": " + what.strip();
        String md = "## Summary\n\n" + outcome + ", recorded at " + d.path("created_at").asText() + ".\n\n"
                + "## Findings\n\n- Deployment request: " + d.path("deployment_request").asText() + "\n";
        return new Report(md, outcome, outcome, List.of());
    }
}
