package dev.missioncontrol.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Optional;

/**
 * What the deploy monitor reads back from its timeline; it keeps no other state. The deployment it watches is the
 * newest {@code get_deployment} result, unless a deployment event arrived after it; checks and tool results count only
 * when they are newer than that result, so a new deploy status starts afresh (the same finished status again does not).
 */
record MonitorTimeline(History history, Entry deployment) {

    /**
     * The watched deployment as last read, or empty when it must be (re)read. A deployment event recorded after the
     * read was asked for may have landed while the tool ran, after it read the database but before its result was
     * recorded; that read may be stale, so it is read again rather than slept on. A late pending or running event
     * after a finished status changes nothing ({@link DeployStatus}), so it does not restart the watch.
     */
    static Optional<MonitorTimeline> of(History h) {
        List<Entry> results = h.results("get_deployment");
        if (results.isEmpty()) {
            return Optional.empty();
        }
        Entry last = results.getLast();
        long asked = h.entries().stream().filter(e -> e.seq() < last.seq() && e.is("tool_call")
                        && "get_deployment".equals(e.data().path("tool").asText()))
                .mapToLong(Entry::seq).max().orElse(last.seq());
        String watched = last.data().path("data").path("status").asText(null);
        boolean newerEvent = h.entries().stream()
                .anyMatch(e -> e.seq() > asked && e.is("status") && e.data().has("deployment_status")
                        && DeployStatus.changes(watched, e.data().get("deployment_status").asText()));
        return newerEvent ? Optional.empty() : Optional.of(new MonitorTimeline(h, last));
    }

    JsonNode facts() {
        return deployment.data().path("data");
    }

    String status() {
        return facts().path("status").asText("unknown");
    }

    /** Check events recorded for this deployment status, oldest first. */
    List<Entry> checks() {
        return since("check");
    }

    /** The newest result of a tool since the deployment was read. */
    Optional<Entry> result(String tool) {
        return history.results(tool).stream().filter(e -> e.seq() > deployment.seq()).reduce((a, b) -> b);
    }

    /** A result of the tool newer than every check and every try asked again: the comparison still to be recorded. */
    Optional<Entry> unrecorded(String tool) {
        List<Entry> again = askedAgain();
        long recorded = again.isEmpty() ? lastCheckSeq() : again.getLast().seq();
        return result(tool).filter(e -> e.seq() > recorded);
    }

    /**
     * The notes of the check due asking again since the last check, oldest first: each stands for a comparison that
     * missed metrics a source failed to give for now ({@link VerifyDeploy}).
     */
    List<Entry> askedAgain() {
        long lastCheck = lastCheckSeq();
        return since("thought").stream().filter(e -> e.seq() > lastCheck && e.data().has(VerifyDeploy.ASK_AGAIN))
                .toList();
    }

    private long lastCheckSeq() {
        List<Entry> checks = checks();
        return checks.isEmpty() ? deployment.seq() : checks.getLast().seq();
    }

    boolean reportedSince(Entry e) {
        return history.entries().stream().anyMatch(x -> x.seq() > e.seq() && x.is("report"));
    }

    /** Events of a type since the deployment was read. */
    List<Entry> since(String type) {
        return history.entries().stream().filter(e -> e.seq() > deployment.seq() && e.is(type)).toList();
    }

    static Check checkOf(Entry checkEvent) {
        return read(checkEvent.data().path("check"), Check.class);
    }

    static Verdict verdictOf(Entry event) {
        return read(event.data().path("verdict"), Verdict.class);
    }

    static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded " + type.getSimpleName() + " could not be read back", e);
        }
    }
}
