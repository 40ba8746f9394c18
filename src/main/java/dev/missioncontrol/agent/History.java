package dev.missioncontrol.agent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Everything a brain decides from: the session and its timeline so far. Brains keep no other state.
 *
 * @param runEndsAt when the worker's run of the session reaches its time limit, after which the session fails; null
 *                  where no run limit applies
 */
public record History(SessionFacts session, List<Entry> entries, Instant now, Instant runEndsAt) {

    public History(SessionFacts session, List<Entry> entries, Instant now) {
        this(session, entries, now, null);
    }

    public Optional<Entry> last(String type) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).is(type)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The oldest user message still waiting for its answer. Each agent message answers the oldest waiting one, so
     * questions sent in quick succession are answered one by one, in order. A report answers none of them: a
     * playbook writes it without reading the questions, so one asked while the session ran is answered after it.
     */
    public Optional<Entry> unansweredMessage() {
        Deque<Entry> waiting = new ArrayDeque<>();
        for (Entry e : entries) {
            if (e.isUserMessage()) {
                waiting.addLast(e);
            } else if (e.is("message")) {
                waiting.pollFirst();
            }
        }
        return Optional.ofNullable(waiting.peekFirst());
    }

    /**
     * Whether the newest user message came after every agent message and report: a brain that reads the whole
     * conversation, as a model does, answers all waiting messages in one reply.
     */
    public boolean lastMessageUnanswered() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.isUserMessage()) {
                return true;
            }
            if (e.is("message") || e.is("report")) {
                return false;
            }
        }
        return false;
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
