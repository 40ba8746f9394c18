package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Redactor;
import java.time.Instant;

/** One entry of a session's append-only timeline; {@code seq} is gapless per session, starting at 1. */
public record SessionEvent(String sessionId, long seq, String type, String text, JsonNode data, Instant createdAt) {

    /**
     * The event as people see it, on the session page and through the API alike: secrets in its text and data
     * masked. The store keeps what was written (a person's message as typed), since the agent reads it whole.
     */
    public SessionEvent masked() {
        return new SessionEvent(sessionId, seq, type, Redactor.redact(text), Redactor.redact(data), createdAt);
    }
}
