package dev.missioncontrol.sessions;

import dev.missioncontrol.agent.Redactor;

/**
 * A session's title as lists, tab titles and command lines show it to every member: one line, its secrets masked, and
 * no control characters, which a terminal printing the title (the Cased CLI lists sessions by it) would obey as
 * escape sequences.
 */
public final class SessionTitle {
    private SessionTitle() {
    }

    /** {@code line} made safe to show; masked before anything is cut, so a cut cannot split a secret from its name. */
    public static String of(String line) {
        return Redactor.redact(line).replaceAll("\\p{Cntrl}", " ").strip();
    }
}
