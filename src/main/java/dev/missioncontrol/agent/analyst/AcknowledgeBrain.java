package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import java.util.List;

/** A placeholder investigation brain: it notes the time, acknowledges the request and answers messages. */
public final class AcknowledgeBrain implements Brain {
    @Override
    public Step next(History h) {
        if (h.unansweredMessage().isPresent()) {
            return new Step.Say("Noted: " + h.unansweredMessage().get().text());
        }
        if (h.results("current_time").isEmpty()) {
            return new Step.CallTool("current_time", null);
        }
        if (!h.hasReport()) {
            String outcome = "Request recorded: " + h.session().prompt().lines().findFirst().orElse("");
            return new Step.Finish(new Report("## Summary\n\n" + outcome + "\n", outcome, outcome, List.of()));
        }
        return new Step.Finish(null);
    }
}
