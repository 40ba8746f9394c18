package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.orgs.Project;
import java.time.Instant;

/**
 * A deployment as list_deployments reported it.
 *
 * @param environment its {@code event_metadata.environment}, or null
 */
record DeploymentSeen(String id, String repository, String status, Instant createdAt, String commitSha,
                      String commitMessage, String request, String environment) {

    static DeploymentSeen from(JsonNode n) {
        return new DeploymentSeen(n.path("id").asText(), Views.text(n.get("repository_full_name")),
                Views.text(n.get("status")), Views.instant(n.get("created_at")), Views.text(n.get("commit_sha")),
                Views.text(n.get("commit_message")), Views.text(n.get("deployment_request")),
                EnvironmentName.in(n.path("event_metadata")));
    }

    /** The name part of owner/name, which is a project's service name unless its settings say otherwise. */
    String repositoryName() {
        return repository == null ? null : Project.defaultServiceName(repository);
    }

    /**
     * {@link #describe()} as report prose: the commit message is whatever a developer typed, and raw it could turn
     * into a link or an image wherever the report's markdown is rendered.
     */
    String prose() {
        return describe(commitMessage == null ? null : Markdown.plain(firstLine(), Markdown.INLINE_CHARS));
    }

    /** The deployment as list_deployments gave it, as evidence. */
    Quote quote() {
        return new Quote("list_deployments", 0, createdAt, describe() + ", status " + status + ", created "
                + createdAt);
    }

    /** "acme/web commit abc1234 (\"Fix login\")", verbatim: for a quote, which shows it as code. */
    String describe() {
        return describe(firstLine());
    }

    private String firstLine() {
        return commitMessage == null ? null : commitMessage.lines().findFirst().orElse("");
    }

    private String describe(String message) {
        StringBuilder b = new StringBuilder("deployment ").append(id);
        if (repository != null) {
            b.append(" of ").append(repository);
        }
        if (commitSha != null) {
            b.append(", commit ").append(commitSha, 0, Math.min(12, commitSha.length()));
        }
        if (message != null && !message.isBlank()) {
            b.append(" (\"").append(message).append("\")");
        }
        return b.toString();
    }
}
