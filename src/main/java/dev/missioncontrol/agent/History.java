package dev.missioncontrol.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything a brain decides from: the session and its timeline so far. Brains keep no other state. */
public record History(SessionFacts session, List<Entry> entries, Instant now) {

    public Optional<Entry> last(String type) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).is(type)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest user message that no agent message or report has followed yet. */
    public Optional<Entry> unansweredMessage() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.isUserMessage()) {
                return Optional.of(e);
            }
            if ((e.is("message") && !e.isUserMessage()) || e.is("report")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Results of a tool, oldest first. */
    public List<Entry> results(String tool) {
        return entries.stream().filter(e -> e.is("tool_result") && tool.equals(e.data().path("tool").asText()))
                .toList();
    }

    public boolean hasReport() {
        return last("report").isPresent();
    }
}
