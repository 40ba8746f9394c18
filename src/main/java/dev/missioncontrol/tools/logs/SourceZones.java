package dev.missioncontrol.tools.logs;

import dev.missioncontrol.logs.ZoneSurvey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zone in which each log of a request reads times that name none. UTC, unless the request's other logs all name
 * one and the same offset other than UTC: nginx writes its access log with the offset and its error log in the same
 * local time without it, and read as UTC the two would put one failure an hour apart, as a first failure and a
 * second one that "followed" it. Logs that name different zones, or UTC, leave it at UTC: nothing then says which
 * zone the others were written in. A log whose times, read as UTC, lie nearer the others' than read in their zone
 * stays in UTC too: a container's application log beside its proxy's zoned one is usually written in UTC.
 */
final class SourceZones {
    private SourceZones() {
    }

    /** The zone assumed for each source whose times name none; a source not in the map reads them as UTC. */
    static Map<String, ZoneOffset> of(List<LogSource> sources, Instant now) {
        Map<String, ZoneSurvey> surveys = new HashMap<>();
        Set<ZoneOffset> named = new HashSet<>();
        Instant first = null;
        Instant last = null;
        for (LogSource s : sources) {
            ZoneSurvey survey = ZoneSurvey.of(s.open(), s.tail(), now);
            surveys.put(s.name(), survey);
            named.addAll(survey.named());
            if (!survey.named().isEmpty() && survey.first() != null) {
                first = first == null || survey.first().isBefore(first) ? survey.first() : first;
                last = last == null || survey.last().isAfter(last) ? survey.last() : last;
            }
        }
        Map<String, ZoneOffset> zones = new HashMap<>();
        if (named.size() != 1 || named.contains(ZoneOffset.UTC)) {
            return zones;
        }
        ZoneOffset local = named.iterator().next();
        Duration shift = Duration.ofSeconds(-local.getTotalSeconds());
        for (Map.Entry<String, ZoneSurvey> e : surveys.entrySet()) {
            ZoneSurvey survey = e.getValue();
            Duration asUtc = survey.gap(first, last, Duration.ZERO);
            Duration asLocal = survey.gap(first, last, shift);
            if (survey.namesNone() && (asUtc == null || asUtc.compareTo(asLocal) >= 0)) {
                zones.put(e.getKey(), local);
            }
        }
        return zones;
    }
}
