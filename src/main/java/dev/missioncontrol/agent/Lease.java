package dev.missioncontrol.agent;

/**
 * The right to run one session, held by one node. {@code fence} grows with every claim, so writes from a worker
 * whose lease was taken over are refused.
 *
 * @param resumedFrom the node whose lease on the session had expired when this one was claimed: it stopped, killed
 *                    or cut off, without giving the session back; null when the session was free
 */
public record Lease(String sessionId, String owner, long fence, String resumedFrom) {
    public Lease(String sessionId, String owner, long fence) {
        this(sessionId, owner, fence, null);
    }
}
