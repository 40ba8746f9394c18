package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What a brain and its tools know about the session they work for. */
public record SessionFacts(String sessionId, String orgId, String projectId, String kind, String prompt,
        JsonNode context, Instant createdAt) {
}
