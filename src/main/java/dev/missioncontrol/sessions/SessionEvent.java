package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of a session's append-only timeline; {@code seq} is gapless per session, starting at 1. */
public record SessionEvent(String sessionId, long seq, String type, String text, JsonNode data, Instant createdAt) {
}
