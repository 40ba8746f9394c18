package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.sessions.Sender;
import dev.missioncontrol.sessions.SessionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One timeline event as the session page shows it; the template picks a layout by {@link #type()}.
 *
 * @param viewerId the user reading the page, whose own messages are labelled "you"
 */
public record EventView(long seq, String type, String text, Instant createdAt, JsonNode data, String viewerId) {

    /**
     * Secrets are masked here as the API masks them ({@link SessionEvent#masked}): every member of the organization
     * reads the page, and a token pasted into a message or a log should not reach them all.
     */
    static EventView of(SessionEvent raw, Viewer viewer) {
        SessionEvent e = raw.masked();
        return new EventView(e.seq(), e.type(), e.text() == null ? "" : e.text(), e.createdAt(), e.data(),
                viewer.loggedIn() ? viewer.user().id() : null);
    }

    static List<EventView> all(List<SessionEvent> events, Viewer viewer) {
        return events.stream().map(e -> of(e, viewer)).toList();
    }

    public String anchor() {
        return "event-" + seq;
    }

    public String cssClass() {
        return "event ev-" + switch (type) {
            case "status", "thought", "tool_call", "tool_result", "finding", "message", "check", "report", "error" ->
                    type;
            default -> "other";
        } + ("message".equals(type) ? " from-" + role() : "");
    }

    public String label() {
        return switch (type) {
            case "tool_call" -> "tool call";
            case "tool_result" -> "result";
            case "message" -> "user".equals(role()) ? sender() : "agent";
            default -> type;
        };
    }

    /**
     * Who wrote a person's message, as this viewer knows them: "you", a member's email, or the key that sent it.
     * Messages sent before senders were recorded say only that a person wrote them.
     */
    private String sender() {
        Sender from = Sender.in(data);
        if (from == null || from.name().isBlank()) {
            return "user";
        }
        if (from.userId() != null && from.userId().equals(viewerId)) {
            return "you";
        }
        return from.keyId() != null ? "API key " + from.name() : from.name();
    }

    public String tool() {
        return field("tool");
    }

    /** A tool call's arguments, or a result's data, indented for reading. */
    public String argsJson() {
        return Format.json(data.path("args"));
    }

    public String resultJson() {
        return Format.json(data.path("data"));
    }

    public String resultStatus() {
        return field("status");
    }

    public long callSeq() {
        return data.path("call_seq").asLong(0);
    }

    public String role() {
        return data.path("role").asText("agent");
    }

    /** Anything the generic layout can show beyond the one-line text. */
    public String dataJson() {
        return Format.json(data);
    }

    /** A finding's quoted evidence, each piece with where and when it was said. */
    public List<Evidence> evidence() {
        JsonNode ev = data.path("evidence");
        List<Evidence> out = new ArrayList<>();
        if (ev.isArray()) {
            ev.forEach(n -> out.add(Evidence.of(n)));
        } else if (ev.isTextual()) {
            out.add(Evidence.of(ev));
        }
        return out;
    }

    public String confidence() {
        return field("confidence");
    }

    /** A check's metrics, the same shape as a verdict check's. */
    public List<MetricRow> metrics() {
        return MetricRow.all(data.path("metrics"));
    }

    /**
     * The agent's answer, rendered as safely as the report: it is markdown written from the same untrusted quotes.
     * A person's message is shown as typed, secrets masked; they wrote prose, not markup.
     */
    public String answerHtml() {
        return Markdown.toSafeHtml(text);
    }

    public boolean fromUser() {
        return "message".equals(type) && "user".equals(role());
    }

    public String reportHtml() {
        return Markdown.toSafeHtml(data.path("markdown").asText(""));
    }

    private String field(String name) {
        return data == null ? "" : data.path(name).asText("");
    }
}
