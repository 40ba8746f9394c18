package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A stored deployment event with the project it belongs to and the session watching it. */
public record Deployment(String id, String orgId, String projectId, String repositoryFullName, String sessionId,
        String deploymentRequest, String status, String externalUrl, String commitSha, String commitMessage,
        String ref, JsonNode eventMetadata, JsonNode verdict, Instant createdAt) {
}
