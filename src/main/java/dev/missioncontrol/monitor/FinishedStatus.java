package dev.missioncontrol.monitor;

import java.util.Set;

/**
 * The deployment statuses that end a rollout: success, failure and cancelled. A pending or running event that
 * arrives after one of them (CI posting from parallel jobs, or to several nodes at once, commits them in any order)
 * is late news of the same rollout, not a new one, so it never undoes the finished status.
 */
public final class FinishedStatus {
    private static final Set<String> FINISHED = Set.of("success", "failure", "cancelled");

    private FinishedStatus() {
    }

    public static boolean is(String status) {
        return status != null && FINISHED.contains(status);
    }
}
