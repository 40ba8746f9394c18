package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.monitor.Inconclusive;
import dev.missioncontrol.sessions.SessionStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;
import java.time.Instant;

/**
 * The verdict as a deployment shows it. A monitor session that ended without a final verdict (a person cancelled it,
 * it failed, or it closed with nothing to watch) will never record one, so from the moment it ended the verdict is
 * {@code inconclusive}, keeping the checks it made: CI waiting on {@code ?wait=N} gets its answer at once instead of
 * waiting out its time, and a provisional {@code degraded} is not mistaken for a decision. It carries how the session
 * ended ({@code session_ended}: {@code cancelled}, {@code failed}, {@code completed}), so CI and the deployment page
 * say "the watch was cancelled" rather than reading the last check as a lack of data.
 */
final class SettledVerdict {
    private SettledVerdict() {
    }

    /**
     * @param stored        the verdict the monitor recorded, or null
     * @param sessionStatus the monitor session's status, or null when it is unknown
     * @param sessionEnded  when the session ended, or null
     */
    static JsonNode of(JsonNode stored, String sessionStatus, Instant sessionEnded) {
        boolean ended = SessionStatus.parse(sessionStatus).map(SessionStatus::ended).orElse(false);
        if (!ended || VerdictWait.isFinal(stored)) {
            return stored;
        }
        ObjectNode settled = stored != null && stored.isObject() ? ((ObjectNode) stored).deepCopy() : Json.object();
        settled.put("state", "inconclusive").put(Inconclusive.SESSION_ENDED, sessionStatus);
        if (!settled.has("score")) {
            settled.putNull("score");
        }
        if (!settled.has("checks")) {
            settled.putArray("checks");
        }
        return settled.put("decided_at", sessionEnded == null ? null : WireTime.format(sessionEnded));
    }
}
