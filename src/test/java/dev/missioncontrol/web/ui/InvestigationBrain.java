package dev.missioncontrol.web.ui;

import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.util.List;

/**
 * A scripted investigation for the browser tests: a thought, a tool call the test can hold at a gate, a finding, a
 * monitor check and a report that quotes the prompt and the logs verbatim, as a real report quotes evidence.
 */
final class InvestigationBrain implements Brain {
    /** A quoted log line that is itself JSON, as structured logs are. */
    static final String JSON_LOG_LINE = "{\"timestamp\":\"2026-03-01T10:00:03Z\",\"msg\":\"pool exhausted\"}";
    /** The markdown every answer ends with: a list with inline code, as real answers are written. */
    static final String ANSWER_LIST = "- checked the `pool` size\n- nothing else changed";

    @Override
    public Step next(History h) {
        if (h.unansweredMessage().isPresent()) {
            return new Step.Say("You said: " + h.unansweredMessage().get().text() + "\n\n" + ANSWER_LIST);
        }
        if (h.last("thought").isEmpty()) {
            return new Step.Note(Step.NoteKind.THOUGHT, "Reading the logs and the recent deployments", null);
        }
        if (h.results(UiGate.NAME).isEmpty()) {
            return new Step.CallTool(UiGate.NAME, Json.object().put("window", "1h"));
        }
        if (h.last("finding").isEmpty()) {
            var data = Json.object().put("confidence", "high");
            var evidence = data.putArray("evidence").add("2026-03-01T10:00:03Z ERROR pool exhausted (app.log)");
            evidence.addObject().put("source", "context.logs").put("line", 80_001)
                    .put("timestamp", "2026-03-01T10:00:03Z").put("text", JSON_LOG_LINE);
            return new Step.Note(Step.NoteKind.FINDING, "The connection pool ran out", data);
        }
        if (h.last("check").isEmpty()) {
            var data = Json.object();
            data.putArray("metrics").addObject().put("name", "error_rate").put("baseline", 0.4).put("current", 2.1)
                    .put("ratio", 5.25).put("p_value", 0.001).put("result", "high");
            return new Step.Note(Step.NoteKind.CHECK, "error_rate is 5.25x its baseline", data);
        }
        if (!h.hasReport()) {
            return new Step.Finish(report(h));
        }
        return new Step.Finish(null);
    }

    private static Report report(History h) {
        String logs = h.session().context() == null ? "" : h.session().context().path("logs").asText("");
        String md = "## Summary\n\nThe pool ran out. Prompt: " + h.session().prompt() + "\n\n## Findings\n\n"
                + "- Logs quoted: " + logs + "\n- [a link](javascript:alert('link'))\n\n"
                + "| metric | ratio |\n|---|---|\n| error_rate | 5.25 |\n";
        return new Report(md, "The pool ran out", "Likely cause: pool exhaustion", List.of("Raise the pool size"));
    }
}
