package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What Slack and a generic webhook receive of a bad verdict. */
class VerdictMessageTest {
    private static final Deployment DEPLOY = new Deployment("d1", "org", "p1", "acme/overlap", "s1",
            "Deploy v2", "success", null, "aaaaaaa1234", null, "main", Json.object(), null,
            Instant.parse("2026-11-29T12:00:00Z"));

    /** The report warns before a rollback that another deploy may have made the move; the alert must too. */
    @Test
    void an_alert_warns_of_other_deployments_within_the_compared_windows() {
        ObjectNode verdict = degraded();
        verdict.putArray("other_deployments").addObject().put("id", "d0").put("commit_sha", "bbbbbbb")
                .put("status", "success").put("created_at", "2026-11-29T11:59:30Z");

        String slack = Json.read(VerdictMessage.slack(DEPLOY, verdict, "https://mc.example.com")).path("text").asText();
        assertThat(slack).contains(":warning: Other deployments landed within the compared windows")
                .contains("check whether the move is theirs before rolling this one back")
                .contains("\n• d0, commit bbbbbbb, success, at 2026-11-29T11:59:30Z");
        JsonNode generic = Json.read(VerdictMessage.generic(DEPLOY, verdict, "https://mc.example.com"));
        assertThat(generic.at("/verdict/other_deployments/0/id").asText()).isEqualTo("d0");

        assertThat(VerdictMessage.slack(DEPLOY, degraded(), "https://mc.example.com"))
                .doesNotContain("Other deployments");
    }

    @Test
    void a_slack_alert_says_how_many_of_the_metrics_failed_above_the_failing_ones() {
        ObjectNode verdict = degraded();
        ((com.fasterxml.jackson.databind.node.ArrayNode) verdict.at("/checks/0/metrics")).addObject()
                .put("name", "requests_per_second").put("baseline", 120.0).put("current", 118.0)
                .put("result", "pass").put("failing", false);

        String slack = Json.read(VerdictMessage.slack(DEPLOY, verdict, "https://mc.example.com")).path("text").asText();
        assertThat(slack).contains("\n1 of 2 metrics failed:\n• latency_p95_seconds: 0.2505 → 0.354 (up 1.41x, severity medium)");
    }

    private static ObjectNode degraded() {
        ObjectNode verdict = Json.object().put("state", "degraded").put("score", 50.0);
        verdict.putArray("checks").addObject().put("at", "2026-11-29T12:30:00Z").putArray("metrics").addObject()
                .put("name", "latency_p95_seconds").put("baseline", 0.2505).put("current", 0.354)
                .put("ratio", 1.413).put("result", "high").put("severity", "medium").put("failing", true);
        return verdict;
    }
}
