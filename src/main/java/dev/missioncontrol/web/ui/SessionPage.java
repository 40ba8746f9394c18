package dev.missioncontrol.web.ui;

import dev.missioncontrol.sessions.AgentSession;
import java.util.List;

/** Everything the session page shows: the header facts, the timeline so far, and the report once written. */
public record SessionPage(AgentSession session, String projectName, List<EventView> events) {

    public String id() {
        return session.id();
    }

    public String status() {
        return session.status().wire();
    }

    public String kind() {
        return session.kind().wire().replace('_', ' ');
    }

    public boolean active() {
        return !session.status().ended();
    }

    public long lastSeq() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    /** The live feed resumes after the events already on the page, so none is sent twice. */
    public String streamUrl() {
        return "/api/v1/agent-sessions/" + session.id() + "/events/?after=" + lastSeq();
    }

    public String reportHtml() {
        return Markdown.toSafeHtml(session.report());
    }

    public String contextJson() {
        return Format.json(session.context());
    }
}
