package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.auth.Principal;
import dev.missioncontrol.store.Json;

/**
 * Who sent a message to a session, or cancelled it: a person (named by email) or an API key (by its name). Every
 * member reads the session page, so a message must say whose it is; it is recorded as the event's {@code sender}.
 */
public record Sender(String userId, String keyId, String name) {
    private static final String FIELD = "sender";

    public static Sender of(Principal p) {
        return new Sender(p.userId(), p.keyId(), p.name());
    }

    public static Sender person(String userId, String email) {
        return new Sender(userId, null, email);
    }

    /** The sender recorded in a message event's data, or null for one sent before senders were recorded. */
    public static Sender in(JsonNode data) {
        JsonNode s = data == null ? null : data.get(FIELD);
        if (s == null || !s.isObject()) {
            return null;
        }
        return new Sender(s.path("user_id").asText(null), s.path("key_id").asText(null), s.path("name").asText(""));
    }

    /** A message event's data: who wrote it and what. */
    ObjectNode messageData(String content) {
        return signed(Json.object().put("role", "user").put("content", content));
    }

    /** {@code data} with this sender recorded in it. */
    ObjectNode signed(ObjectNode data) {
        ObjectNode s = data.putObject(FIELD).put("name", name);
        if (userId != null) {
            s.put("user_id", userId);
        }
        if (keyId != null) {
            s.put("key_id", keyId);
        }
        return data;
    }
}
