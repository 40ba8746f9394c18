package dev.missioncontrol.tools.logs;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.logs.LogRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Each template's sample (its first event) as tools show it: redacted among the lines around it, as search_logs
 * redacts a hit. Alone, a key's short last line or a value under a name on the line above shows its secret. Read
 * while the log streams past, so a sample waits for the lines after it; one redaction per template, and one more
 * each time an earlier event of it turns up further down.
 */
final class ShownSamples {
    /** Enough for a traceback's last line to be read from a shown sample; the tools cut further. */
    static final int MAX_CHARS = 4_000;

    /** A template's first event, waiting for the lines after it. */
    private record Waiting(int id, List<String> before, List<String> lines, List<String> after) {
    }

    private final Deque<String> recent = new ArrayDeque<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<Integer, String> shown = new HashMap<>();

    /**
     * Takes every event in the order read, mined or not: a filtered-out line may still be the name above a value.
     *
     * @param sampleOf the template whose sample the event now is (its earliest event), or 0
     */
    void read(LogRecord event, int sampleOf) {
        String raw = event.raw();
        List<String> lines = raw.indexOf('\n') < 0 ? List.of(raw) : Arrays.asList(raw.split("\n", -1));
        if (!waiting.isEmpty()) {
            feed(lines);
        }
        if (sampleOf > 0) {
            waiting.removeIf(w -> w.id() == sampleOf);
            waiting.add(new Waiting(sampleOf, List.copyOf(recent), lines, new ArrayList<>()));
        }
        for (String line : lines) {
            recent.addLast(line);
            if (recent.size() > LineSearch.SEEN_BEFORE) {
                recent.removeFirst();
            }
        }
    }

    /** The samples of the templates read, by template id, once the log has ended. */
    Map<Integer, String> shown() {
        waiting.forEach(this::redact);
        waiting.clear();
        return shown;
    }

    private void feed(List<String> lines) {
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
            Waiting w = it.next();
            w.after().addAll(lines.subList(0, Math.min(lines.size(), LineSearch.SEEN_AFTER - w.after().size())));
            if (w.after().size() >= LineSearch.SEEN_AFTER) {
                redact(w);
                it.remove();
            }
        }
    }

    private void redact(Waiting w) {
        List<String> window = new ArrayList<>(w.before());
        window.addAll(w.lines());
        window.addAll(w.after());
        int from = w.before().size();
        // only the head of a line is shown: redacting a megabyte-long one whole takes a second
        window.replaceAll(line -> LineSearch.head(line, MAX_CHARS + TemplateJson.REDACT_MARGIN));
        String text = String.join("\n", Redactor.redactLines(window, from, from + w.lines().size()));
        shown.put(w.id(), text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS));
    }
}
