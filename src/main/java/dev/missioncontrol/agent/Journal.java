package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The runtime's view of session storage. Every write is fenced by the lease and committed before it returns, so a
 * step is recorded exactly once even when nodes die.
 */
public interface Journal {
    SessionFacts facts(String sessionId);

    List<Entry> entries(String sessionId);

    /** Appends an event; throws {@link FencedOut} when the lease is no longer held. */
    Entry append(Lease lease, String type, String text, JsonNode data);

    /** Marks the session picked up, which the Cased CLI shows as agent_running. */
    void pickedUp(Lease lease);

    /**
     * Appends the report's event and keeps the report on the session, in one transaction: the session may answer a
     * question before it ends, and its report must not depend on how it ends.
     */
    Entry report(Lease lease, Report report);

    /**
     * Ends the session, its report (if any) already recorded. Returns false, changing nothing, when a user message
     * newer than {@code seenSeq} arrived meanwhile: the brain must see it first.
     */
    boolean complete(Lease lease, long seenSeq);

    void fail(Lease lease, String reason);

    /** Releases the lease and sleeps until {@code until}; false when a newer user message makes it due now. */
    boolean sleep(Lease lease, Instant until, long seenSeq);
}
