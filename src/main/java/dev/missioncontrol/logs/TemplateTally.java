package dev.missioncontrol.logs;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Running counts for one template while a log streams past; keeps one sample, never all events. */
final class TemplateTally {

    static final int SAMPLE_CHARS = 2_000;

    private final long[] histogram;
    private final Map<String, Long> levels = new TreeMap<>();
    private long count;
    private long errors;
    private long warnings;
    private Instant firstSeen;
    private Instant lastSeen;
    private long firstLineNo;
    private String sample;
    private Instant sampleAt;

    TemplateTally(long[] histogram) {
        this.histogram = histogram;
    }

    long[] histogram() {
        return histogram;
    }

    void add(LogRecord event) {
        Instant at = event.timestamp();
        if (count++ == 0 || at != null && (sampleAt == null || at.isBefore(sampleAt))) {
            sampleFrom(event);
        }
        if (event.level() != null) {
            levels.merge(event.level(), 1L, Long::sum);
        }
        errors += event.isError() ? 1 : 0;
        warnings += event.isWarning() ? 1 : 0;
        if (at != null) {
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
        }
    }

    /**
     * The sample is the template's earliest event, so that its line, its time and its text are one line's: logs of
     * several pods pasted one after another (kubectl logs -l) or written by several threads are not in time order,
     * and the first line of a template is then not the one at its first_seen.
     */
    private void sampleFrom(LogRecord event) {
        firstLineNo = event.lineNo();
        sampleAt = event.timestamp();
        sample = WordCut.atMost(event.raw(), SAMPLE_CHARS); // redacted when shown, so never cut inside a secret
    }

    /** Whether the event read last is the template's sample. */
    boolean sampled(LogRecord event) {
        return firstLineNo == event.lineNo();
    }

    TemplateSummary summary(Template template, int buckets) {
        return new TemplateSummary(template.id(), template.text(), count, errors, warnings, Map.copyOf(levels),
                firstSeen, lastSeen, firstLineNo, sample, Arrays.copyOf(histogram, buckets), template.catchAll());
    }
}
