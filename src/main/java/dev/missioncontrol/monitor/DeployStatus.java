package dev.missioncontrol.monitor;

import java.util.Set;

/** What a deployment event's status says about its rollout, read one way by the monitor, the analyst and the CLI. */
public final class DeployStatus {
    /**
     * The statuses that end a rollout. A pending or running event that arrives after one of them (CI posting from
     * parallel jobs, or to several nodes at once, commits them in any order) is late news of the same rollout, not a
     * new one, so it never undoes the finished status.
     */
    private static final Set<String> FINISHED = Set.of("success", "failure", "cancelled");
    /** The statuses of a rollout that can have changed what runs; a pending or cancelled one did not. */
    private static final Set<String> ROLLED_OUT = Set.of("running", "success", "failure");

    private DeployStatus() {
    }

    public static boolean finished(String status) {
        return status != null && FINISHED.contains(status);
    }

    public static boolean rolledOut(String status) {
        return status != null && ROLLED_OUT.contains(status);
    }
}
