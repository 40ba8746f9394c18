package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One source's totals as analyze_logs reported them.
 *
 * @param zoneAssumed true when some of its times named no zone and were read as UTC
 */
record LogSourceStats(String name, long events, long lines, long errors, long warnings, Instant first, Instant last,
                      boolean timed, boolean zoneAssumed, long axisOrigin, long bucketWidth) {

    static LogSourceStats from(JsonNode n) {
        return new LogSourceStats(n.path("name").asText(), n.path("events").asLong(), n.path("lines").asLong(),
                n.path("errors").asLong(), n.path("warnings").asLong(), Views.instant(n.get("first")),
                Views.instant(n.get("last")), n.path("timed").asBoolean(), n.path("zone_assumed").asBoolean(),
                n.path("axis_origin").asLong(),
                Math.max(1, n.path("bucket_width").asLong(1)));
    }
}
