package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;

/** What a brain decides to do next. The runner records each step before acting on it. */
public sealed interface Step {

    /** Run a tool; its result is recorded and shown to the brain on the next call. */
    record CallTool(String tool, JsonNode args) implements Step {
    }

    /** Say something to the people watching, as the agent. */
    record Say(String text) implements Step {
    }

    /** Record a thought, a finding or a monitor check on the timeline. */
    record Note(NoteKind kind, String text, JsonNode data) implements Step {
    }

    /** The work is done. A null report keeps the one written before (e.g. after answering a follow-up). */
    record Finish(Report report) implements Step {
    }

    /** Sleep until the given time, holding no thread; a new message wakes the session earlier. */
    record Wait(Instant until, String reason) implements Step {
    }

    /** Give up: the session ends as failed, with the reason on the timeline. */
    record Fail(String reason) implements Step {
    }

    enum NoteKind {
        THOUGHT, FINDING, CHECK;

        public String eventType() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
