package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import java.time.Instant;
import java.util.List;

/**
 * The API's views of a session and its events. Whatever a session's prompt, timeline or report says is shown with its
 * secrets masked, as the session page shows it: a key with sessions:read sees no more than a member who opens the page.
 */
final class SessionJson {
    private SessionJson() {
    }

    static ObjectNode listItem(AgentSession s) {
        ObjectNode o = receipt(s);
        o.put("title", s.title());
        return o;
    }

    /** What a session is and where it stands, without anything read from its prompt, logs or report. */
    static ObjectNode receipt(AgentSession s) {
        return Json.object().put("session_id", s.id()).put("session_type", s.kind().wire())
                .put("status", s.status().wire())
                .put("created_at", WireTime.format(s.createdAt())).put("updated_at", WireTime.format(s.updatedAt()))
                .put("completed_at", time(s.completedAt())).put("url", s.url())
                .put("deployment_id", s.deploymentId());
    }

    /** {@code s} must be read with its context ({@link SessionStore#find}). */
    static ObjectNode detail(AgentSession s, List<SessionEvent> findings, MaskedContexts contexts) {
        ObjectNode o = listItem(s);
        o.put("prompt", Redactor.redact(s.prompt()));
        if (s.context() == null) {
            o.putNull("context");
        } else {
            o.putRawValue("context", contexts.of(s));
        }
        o.set("summary", summary(s));
        o.put("report", Redactor.redact(s.report()));
        ArrayNode list = o.putArray("findings");
        findings.forEach(f -> list.add(finding(f)));
        return o;
    }

    static ObjectNode event(SessionEvent raw) {
        SessionEvent e = raw.masked();
        ObjectNode o = Json.object().put("seq", e.seq()).put("type", e.type()).put("text", e.text());
        o.set("data", e.data());
        o.put("created_at", WireTime.format(e.createdAt()));
        return o;
    }

    /** The summary the report produced, or an empty one while the agent is still working. */
    static JsonNode summary(AgentSession s) {
        if (s.summary() != null && !s.summary().isNull()) {
            return Redactor.redact(s.summary());
        }
        ObjectNode empty = Json.object().put("description", "").put("outcome", "");
        empty.putArray("key_actions");
        return empty;
    }

    private static ObjectNode finding(SessionEvent raw) {
        SessionEvent f = raw.masked();
        ObjectNode o = Json.object().put("seq", f.seq()).put("text", f.text());
        o.setAll(f.data().isObject() ? (ObjectNode) f.data() : Json.object());
        o.put("created_at", WireTime.format(f.createdAt()));
        return o;
    }

    static String time(Instant t) {
        return WireTime.format(t);
    }
}
