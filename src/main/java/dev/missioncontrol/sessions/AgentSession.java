package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One session as stored. {@code context} is loaded only by {@link SessionStore#find}, because it can hold tens of
 * megabytes of pasted logs.
 */
public record AgentSession(
        String id,
        String orgId,
        String projectId,
        SessionKind kind,
        SessionStatus status,
        String title,
        String prompt,
        JsonNode context,
        JsonNode summary,
        String report,
        boolean pickedUp,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String deploymentId) {

    public String url() {
        return "/agents/" + id;
    }
}
