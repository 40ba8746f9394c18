package dev.missioncontrol.sessions;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells this node's listeners that a session's timeline grew. It carries only the session id: listeners read the new
 * events from the database, so a lost or repeated wake-up can never lose or repeat an event.
 */
public final class TimelineBus {
    private final Map<String, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Set<Runnable> workListeners = ConcurrentHashMap.newKeySet();

    public void wake(String sessionId) {
        Set<Runnable> set = listeners.get(sessionId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    /** Registers a listener for one session; the returned handle removes it. */
    public AutoCloseable listen(String sessionId, Runnable listener) {
        listeners.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(sessionId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** A session became due: created, messaged or woken. */
    public void workAvailable() {
        workListeners.forEach(Runnable::run);
    }

    public void onWork(Runnable listener) {
        workListeners.add(listener);
    }
}
