package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.ZoneSurvey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zone in which each log of a request reads times that name none.
 *
 * <p>A log whose times all name none reads them in UTC, unless the request's other logs all name one and the same
 * offset other than UTC: nginx writes its access log with the offset and its error log in the same local time
 * without it, and read as UTC the two would put one failure an hour apart, as a first failure and a second one that
 * "followed" it. Logs that name different zones, or UTC, leave it at UTC: nothing then says which zone the others
 * were written in. A log whose times, read as UTC, lie nearer the others' than read in their zone stays in UTC too:
 * a container's application log beside its proxy's zoned one is usually written in UTC.
 *
 * <p>A log that names zones in some lines and none in others is placed by its own lines, which are written in time
 * order: its times without a zone are read in the zone, among those the request names and UTC, in which they stand
 * in order among the lines around them ({@link dev.missioncontrol.logs.ZoneOrder}); UTC when no zone does better.
 */
final class SourceZones {
    private SourceZones() {
    }

    /** The zone assumed for each source whose times name none; a source not in the map reads them as UTC. */
    static Map<String, ZoneOffset> of(List<LogSource> sources, Instant now) {
        Map<String, ZoneSurvey> surveys = new LinkedHashMap<>();
        Set<ZoneOffset> named = new HashSet<>();
        for (LogSource s : sources) {
            ZoneSurvey survey = ZoneSurvey.of(s.open(), s.tail(), now);
            surveys.put(s.name(), survey);
            named.addAll(survey.named());
        }
        Map<String, ZoneOffset> zones = new LinkedHashMap<>();
        surveys.forEach((name, survey) -> {
            ZoneOffset zone = !survey.unnamed() ? ZoneOffset.UTC : survey.named().isEmpty()
                    ? besideOthers(survey, surveys.values(), named) : survey.order().best(named);
            if (!zone.equals(ZoneOffset.UTC)) {
                zones.put(name, zone);
            }
        });
        return zones;
    }

    /** The zone of a log whose times name none, from the other logs: their one zone, or UTC. */
    private static ZoneOffset besideOthers(ZoneSurvey survey, Iterable<ZoneSurvey> all, Set<ZoneOffset> named) {
        if (named.size() != 1 || named.contains(ZoneOffset.UTC)) {
            return ZoneOffset.UTC;
        }
        Instant first = null;
        Instant last = null;
        for (ZoneSurvey other : all) {
            if (!other.named().isEmpty() && other.first() != null) {
                first = first == null || other.first().isBefore(first) ? other.first() : first;
                last = last == null || other.last().isAfter(last) ? other.last() : last;
            }
        }
        ZoneOffset local = named.iterator().next();
        Duration asUtc = survey.gap(first, last, Duration.ZERO);
        Duration asLocal = survey.gap(first, last, Duration.ofSeconds(-local.getTotalSeconds()));
        return asUtc == null || asUtc.compareTo(asLocal) >= 0 ? local : ZoneOffset.UTC;
    }
}
