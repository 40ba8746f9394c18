package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A deployment as list_deployments reported it. */
record DeploymentSeen(String id, String repository, String status, Instant createdAt, String commitSha,
                      String commitMessage, String request) {

    static DeploymentSeen from(JsonNode n) {
        return new DeploymentSeen(n.path("id").asText(), Views.text(n.get("repository_full_name")),
                Views.text(n.get("status")), Views.instant(n.get("created_at")), Views.text(n.get("commit_sha")),
                Views.text(n.get("commit_message")), Views.text(n.get("deployment_request")));
    }

    /** "acme/web commit abc1234 (\"Fix login\")" */
    String describe() {
        StringBuilder b = new StringBuilder("deployment ").append(id);
        if (repository != null) {
            b.append(" of ").append(repository);
        }
        if (commitSha != null) {
            b.append(", commit ").append(commitSha, 0, Math.min(12, commitSha.length()));
        }
        if (commitMessage != null && !commitMessage.isBlank()) {
            b.append(" (\"").append(commitMessage.lines().findFirst().orElse("")).append("\")");
        }
        return b.toString();
    }
}
