package dev.missioncontrol.testing;

import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Step;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A brain that plays a fixed script. Its turn is derived from the history (how many steps it has already recorded),
 * so, like a real brain, it keeps no state, and every call is logged for the assertions.
 */
public final class ScriptedBrain implements Brain {
    private final List<Function<History, Step>> script;
    /** The seq of the newest event each call was shown: a step asked twice shows up as a repeat. */
    public final List<Long> askedAt = new CopyOnWriteArrayList<>();

    public ScriptedBrain(List<Function<History, Step>> script) {
        this.script = script;
    }

    @Override
    public Step next(History h) {
        askedAt.add(h.entries().get(h.entries().size() - 1).seq());
        if (h.unansweredMessage().isPresent()) {
            return new Step.Say("answer to: " + h.unansweredMessage().get().text());
        }
        int turn = (int) h.entries().stream().filter(ScriptedBrain::isOwnStep).count();
        return turn < script.size() ? script.get(turn).apply(h) : new Step.Finish(null);
    }

    private static boolean isOwnStep(Entry e) {
        return e.is("tool_call") || e.is("thought") || e.is("finding") || e.is("report")
                || (e.is("message") && !e.isUserMessage()) || (e.is("status") && e.data().has("sleeping_until"));
    }
}
