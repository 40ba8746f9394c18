package dev.missioncontrol.logs;

import java.time.Instant;
import java.util.Map;

/**
 * What a log says through one template.
 *
 * @param histogram event counts per bucket of the analysis's axis (see {@link LogAnalysis})
 * @param firstLineNo the line of the sample
 * @param sample    the raw text of the earliest event (the first read, when none has a time), cut to a readable
 *                  length: the event at {@code firstSeen}
 * @param catchAll  true when its events were grouped only because the miner's per-leaf template limit was
 *                  reached (see {@link Template#catchAll()}): they share a shape, not necessarily a meaning
 */
public record TemplateSummary(int id, String template, long count, long errors, long warnings,
                              Map<String, Long> levels, Instant firstSeen, Instant lastSeen, long firstLineNo,
                              String sample, long[] histogram, boolean catchAll) {

    /** The level most events of this template carry, or null when none named one. */
    public String mainLevel() {
        return levels.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
