package dev.missioncontrol.agent;

import java.time.Duration;
import java.util.List;

/** Durable session jobs, claimed by leases. */
public interface WorkQueue {
    /** Claims up to {@code max} due sessions for {@code owner}, each with a fresh fence. */
    List<Lease> claimDue(String owner, int max, Duration leaseFor);

    /** Extends a lease; false when it was lost. */
    boolean heartbeat(Lease lease, Duration leaseFor);

    /** Gives the session back without finishing it, due again after {@code delay}; another node may resume it. */
    void release(Lease lease, java.time.Duration delay);
}
