package dev.missioncontrol.agent;

/**
 * The right to run one session, held by one node. {@code fence} grows with every claim, so writes from a worker
 * whose lease was taken over are refused.
 */
public record Lease(String sessionId, String owner, long fence) {
}
