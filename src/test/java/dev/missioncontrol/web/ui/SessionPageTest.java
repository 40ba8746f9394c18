package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.sessions.AgentSession;
import dev.missioncontrol.sessions.SessionKind;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionPageTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static AgentSession session(String report) {
        return new AgentSession("s1", "o1", null, SessionKind.ROOT_CAUSE_ANALYSIS, SessionStatus.ACTIVE, "t", "p",
                Json.object(), null, report, true, NOW, NOW, null, null);
    }

    @Test
    void shows_the_report_event_while_the_session_row_has_no_report_yet() {
        var reportEvent = new EventView(4, "report", "done", NOW,
                Json.object().put("markdown", "## Summary\n\nPool ran dry."), null);
        var page = new SessionPage(session(null), null, List.of(reportEvent), null);
        assertThat(page.reportHtml()).contains("Pool ran dry.");
    }

    @Test
    void prefers_the_session_report_once_it_is_stored() {
        var reportEvent = new EventView(4, "report", "done", NOW, Json.object().put("markdown", "old"), null);
        var page = new SessionPage(session("## Summary\n\nFinal."), null, List.of(reportEvent), null);
        assertThat(page.reportHtml()).contains("Final.").doesNotContain("old");
        assertThat(new SessionPage(session(null), null, List.of(), null).reportHtml()).isEmpty();
    }
}
