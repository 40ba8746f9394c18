package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One source's totals as analyze_logs reported them.
 *
 * @param zoneAssumed true when some of its times named no zone
 * @param assumedZone the zone those were read in: "Z" (UTC) unless the request's other logs all named another, or
 *                    the source's own lines that name one put them in order in another
 * @param zoneNamed   true when some of its times named a zone
 */
record LogSourceStats(String name, long events, long lines, long errors, long warnings, Instant first, Instant last,
                      boolean timed, boolean zoneAssumed, long axisOrigin, long bucketWidth, String assumedZone,
                      boolean zoneNamed) {

    LogSourceStats(String name, long events, long lines, long errors, long warnings, Instant first, Instant last,
                   boolean timed, boolean zoneAssumed, long axisOrigin, long bucketWidth) {
        this(name, events, lines, errors, warnings, first, last, timed, zoneAssumed, axisOrigin, bucketWidth, "Z",
                false);
    }

    static LogSourceStats from(JsonNode n) {
        return new LogSourceStats(n.path("name").asText(), n.path("events").asLong(), n.path("lines").asLong(),
                n.path("errors").asLong(), n.path("warnings").asLong(), Views.instant(n.get("first")),
                Views.instant(n.get("last")), n.path("timed").asBoolean(), n.path("zone_assumed").asBoolean(),
                n.path("axis_origin").asLong(),
                Math.max(1, n.path("bucket_width").asLong(1)), n.path("assumed_zone").asText("Z"),
                n.path("zone_named").asBoolean());
    }
}
