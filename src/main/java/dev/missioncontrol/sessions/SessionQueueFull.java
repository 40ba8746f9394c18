package dev.missioncontrol.sessions;

import java.util.Locale;

/**
 * A new investigation refused because the organization already has as many waiting for a worker as allowed: the
 * workers are busy or stopped, and taking more would only pile up work (and pasted logs) no one runs.
 */
public final class SessionQueueFull extends RuntimeException {
    /** How long a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    SessionQueueFull(long waiting, int max) {
        super(String.format(Locale.ROOT, "%,d %s of this organization %s waiting for a worker, the most the server "
                + "takes (--max-waiting-sessions %,d); retry in %d s. The workers are busy or stopped: "
                + "missioncontrol_sessions_waiting and missioncontrol_sessions_running on /metrics say which",
                waiting, waiting == 1 ? "investigation" : "investigations", waiting == 1 ? "is" : "are", max,
                RETRY_AFTER_SECONDS), null, false, false);
    }
}
