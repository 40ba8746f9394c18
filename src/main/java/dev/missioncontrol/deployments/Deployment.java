package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.EnvironmentName;
import java.time.Instant;

/** A stored deployment event with the project it belongs to and the session watching it. */
public record Deployment(String id, String orgId, String projectId, String repositoryFullName, String sessionId,
        String deploymentRequest, String status, String externalUrl, String commitSha, String commitMessage,
        String ref, JsonNode eventMetadata, JsonNode verdict, Instant createdAt) {

    /** The environment the event names ({@code event_metadata.environment}), whose signals judge it; or null. */
    public String environment() {
        return EnvironmentName.in(eventMetadata);
    }
}
