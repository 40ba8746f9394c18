package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.Journal;
import dev.missioncontrol.agent.Lease;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.SessionFacts;
import java.time.Instant;
import java.util.List;

/**
 * Publishes the verdict the deploy monitor records. The brain stays pure: it only writes check and finding events
 * carrying a {@code verdict}; this journal hands each such verdict to the listener (which stores it on the deployment
 * and queues notifications) before the event is appended, so whoever the event wakes, e.g. a {@code ?wait=N}
 * request, already reads the new verdict.
 */
public final class VerdictJournal implements Journal {
    private final Journal delegate;
    private final Listener listener;

    /**
     * Where verdicts go; called again with the same verdict when a resumed session repeats a step. It must change
     * nothing unless {@code lease} is still held: a worker that was paused (a long GC, a stopped VM) and comes back
     * after another node finished the session would otherwise put its stale verdict over the final one.
     */
    @FunctionalInterface
    public interface Listener {
        void verdictRecorded(Lease lease, JsonNode verdict);
    }

    public VerdictJournal(Journal delegate, Listener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public Entry append(Lease lease, String type, String text, JsonNode data) {
        if ((type.equals("check") || type.equals("finding")) && data != null && data.hasNonNull("verdict")) {
            listener.verdictRecorded(lease, withOtherDeployments(data));
        }
        return delegate.append(lease, type, text, data);
    }

    /**
     * The event's verdict, carrying the other deployments the check found within its windows when there are any: a
     * move they made counts against this deploy too, and CI and the alerts read the verdict, not the report that
     * says so.
     */
    private static JsonNode withOtherDeployments(JsonNode data) {
        JsonNode verdict = data.get("verdict");
        JsonNode others = data.path("other_deployments");
        if (!verdict.isObject() || !others.isArray() || others.isEmpty()) {
            return verdict;
        }
        return ((ObjectNode) verdict).deepCopy().set("other_deployments", others);
    }

    @Override
    public SessionFacts facts(String sessionId) {
        return delegate.facts(sessionId);
    }

    @Override
    public List<Entry> entries(String sessionId) {
        return delegate.entries(sessionId);
    }

    @Override
    public void pickedUp(Lease lease) {
        delegate.pickedUp(lease);
    }

    @Override
    public boolean complete(Lease lease, long seenSeq) {
        return delegate.complete(lease, seenSeq);
    }

    @Override
    public Entry report(Lease lease, Report report) {
        return delegate.report(lease, report);
    }

    @Override
    public void fail(Lease lease, String reason) {
        delegate.fail(lease, reason);
    }

    @Override
    public boolean sleep(Lease lease, Instant until, long seenSeq) {
        return delegate.sleep(lease, until, seenSeq);
    }
}
