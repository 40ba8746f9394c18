package dev.missioncontrol.testing;

import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Ready-made scripts for the scripted brain. */
public final class Scripts {
    private Scripts() {
    }

    /** {@code steps} rounds of a pause tool call and a thought, then a report. */
    public static List<Function<History, Step>> pauses(int steps) {
        List<Function<History, Step>> script = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int n = i + 1;
            script.add(h -> new Step.CallTool("pause", Json.object()));
            script.add(h -> new Step.Note(Step.NoteKind.THOUGHT, "step " + n + " done", Json.object()));
        }
        script.add(h -> new Step.Finish(new Report("## Summary\n\nAll " + steps + " steps ran.", "all steps ran",
                "all steps ran", List.of())));
        return script;
    }
}
