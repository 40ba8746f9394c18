package dev.missioncontrol.monitor;

import java.util.List;
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

    /**
     * Whether a finished status posted after another finished one replaces it. A {@code cancelled} after a success or
     * a failure does not: the rollout already happened and runs, and CI posts it when the job is cancelled after its
     * deploy step (a slow {@code --wait} gate stopped by hand); taken as the deployment's end, it dropped the checks
     * made and closed the watch inconclusive, so a degraded deploy was never told.
     */
    public static boolean replaces(String later, String earlier) {
        return finished(later) && !later.equals(earlier) && !("cancelled".equals(later) && rolledOut(earlier));
    }

    /**
     * Whether an event with status {@code later} changes the watch of a deployment in {@code watched}: anything does
     * until it finished, then only a finished status that {@link #replaces} it. A second success (a retried CI step)
     * does not either: restarting the schedule from it would move the deploy moment, and a regression that began at
     * the first would fall into the new baseline.
     */
    public static boolean changes(String watched, String later) {
        return !finished(watched) || replaces(later, watched);
    }

    /** The status a watch follows after a deployment's events, in the order they were recorded. */
    public static String watched(List<String> inOrder) {
        String watched = null;
        for (String status : inOrder) {
            watched = watched == null || changes(watched, status) ? status : watched;
        }
        return watched;
    }
}
