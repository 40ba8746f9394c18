package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;

/** What a session is created from. */
public record NewSession(String orgId, String projectId, SessionKind kind, String title, String prompt,
        JsonNode context) {
}
