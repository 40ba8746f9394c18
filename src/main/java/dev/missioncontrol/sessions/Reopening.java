package dev.missioncontrol.sessions;

import org.jdbi.v3.core.Handle;

/**
 * What an ended session settled, made to hold still before a question reopens it. A deploy monitor's deployment shows
 * a verdict settled from the session's end (its status and end time); reopened, the session looks active and unended,
 * so without this the verdict would show as not final while the question is answered and take the answer's end time
 * as its {@code decided_at}.
 */
@FunctionalInterface
public interface Reopening {
    Reopening NOTHING = (h, ended) -> {
    };

    /** Called in the reopening's transaction, before the session is reopened. */
    void settle(Handle h, AgentSession ended);
}
