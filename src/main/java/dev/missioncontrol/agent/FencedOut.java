package dev.missioncontrol.agent;

/** This worker no longer holds the session: it was cancelled, or another node took it over. It must stop. */
public final class FencedOut extends RuntimeException {
    public FencedOut(Lease lease) {
        super("lease on session " + lease.sessionId() + " (fence " + lease.fence() + ") is no longer held", null,
                false, false);
    }
}
