package dev.missioncontrol.logs;

import java.time.Instant;
import java.util.List;

/**
 * The digest of a whole log: templates by count, with the shared histogram axis.
 *
 * @param timed       true when the histogram axis is time (epoch seconds); false when the log had no
 *                    timestamps and the axis is input line numbers
 * @param zoneAssumed true when some of its times named no zone (read in the zone assumed for the log)
 * @param zoneNamed   true when some of its times named one
 * @param axisOrigin  the axis value where bucket 0 starts
 * @param bucketWidth the width of each bucket in axis units
 * @param buckets     how many buckets hold data
 */
public record LogAnalysis(long events, long lines, long errors, long warnings, Instant first, Instant last,
                          boolean timed, boolean zoneAssumed, boolean zoneNamed, long axisOrigin, long bucketWidth,
                          int buckets, List<TemplateSummary> templates) {

    /** Events in catch-all templates: non-zero means the template count is a floor, not the number of shapes. */
    public long catchAllEvents() {
        return templates.stream().filter(TemplateSummary::catchAll).mapToLong(TemplateSummary::count).sum();
    }
}
