package dev.missioncontrol.logs;

import java.time.Instant;
import java.util.Map;

/**
 * What a log says through one template.
 *
 * @param histogram event counts per bucket of the analysis's axis (see {@link LogAnalysis})
 * @param sample    the raw text of the first event, cut to a readable length
 */
public record TemplateSummary(int id, String template, long count, long errors, long warnings,
                              Map<String, Long> levels, Instant firstSeen, Instant lastSeen, long firstLineNo,
                              String sample, long[] histogram) {

    /** The level most events of this template carry, or null when none named one. */
    public String mainLevel() {
        return levels.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
