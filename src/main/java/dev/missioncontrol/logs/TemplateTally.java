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

    TemplateTally(long[] histogram) {
        this.histogram = histogram;
    }

    long[] histogram() {
        return histogram;
    }

    void add(LogRecord event) {
        if (count++ == 0) {
            firstLineNo = event.lineNo();
            String raw = event.raw();
            sample = WordCut.atMost(raw, SAMPLE_CHARS); // redacted when shown, so never cut inside a secret
        }
        if (event.level() != null) {
            levels.merge(event.level(), 1L, Long::sum);
        }
        errors += event.isError() ? 1 : 0;
        warnings += event.isWarning() ? 1 : 0;
        Instant at = event.timestamp();
        if (at != null) {
            firstSeen = firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen;
            lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
        }
    }

    TemplateSummary summary(Template template, int buckets) {
        return new TemplateSummary(template.id(), template.text(), count, errors, warnings, Map.copyOf(levels),
                firstSeen, lastSeen, firstLineNo, sample, Arrays.copyOf(histogram, buckets));
    }
}
