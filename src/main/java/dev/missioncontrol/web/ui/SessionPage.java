package dev.missioncontrol.web.ui;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.sessions.AgentSession;
import java.util.List;

/**
 * Everything the session page shows: the header facts, the timeline so far, and the report once written.
 *
 * @param verdict a deploy monitor's verdict state ({@code pending}, {@code healthy}, …); null for an investigation
 */
public record SessionPage(AgentSession session, String projectName, List<EventView> events, String verdict) {

    public String id() {
        return session.id();
    }

    public String kind() {
        return session.kind().wire().replace('_', ' ');
    }

    public long lastSeq() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    /** The live feed; timeline.js asks for the events after the last one on the page, so none is sent twice. */
    public String streamUrl() {
        return "/api/v1/agent-sessions/" + session.id() + "/events/";
    }

    /**
     * The session's report, or the newest report event when the session row does not have it yet: the event commits
     * a moment before the session completes, and later timeline pulls only bring events after those on the page, so
     * a page rendered in between would otherwise never show the report.
     */
    public String reportHtml() {
        if (session.report() != null && !session.report().isBlank()) {
            return Markdown.toSafeHtml(Redactor.redact(session.report()));
        }
        return events.stream().filter(e -> e.type().equals("report")).reduce((a, b) -> b)
                .map(EventView::reportHtml).orElse("");
    }

    /** The prompt as sent, with secrets masked as they are wherever the agent's work is shown. */
    public String prompt() {
        return Redactor.redact(session.prompt() == null ? "" : session.prompt());
    }

    /**
     * The context as sent, long texts cut first (a pasted log can be tens of megabytes, and the page shows 20,000
     * characters of it) and secrets masked: the report beside it masks them, so the context must not spell them out.
     */
    public String contextJson() {
        return Format.json(Redactor.redact(Format.cutTexts(session.context())));
    }
}
