package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The busiest stretch of the incident, about a minute long, read from the per-template histograms analyze_logs
 * returned. Buckets are as wide as the log's length requires (1, 2, 4, … seconds), so the stretch is the fewest
 * whole buckets that cover a minute and the rate per minute is scaled from it: a 64-second stretch of 58 lines is
 * about 54 a minute.
 *
 * @param errorsOnly whether only error lines were counted (the incident had kinds of line that were all errors), or
 *                   all its problem lines
 */
record Peak(String source, Instant start, Duration span, long lines, boolean errorsOnly) {

    static final Duration MINUTE = Duration.ofMinutes(1);

    /** The peak in the timed source holding most of the incident's lines; empty when the logs carry no time. */
    static Optional<Peak> of(Incident incident, List<LogSourceStats> sources) {
        // a template's histogram counts all its lines, so only templates of nothing but errors count as error lines
        boolean errorsOnly = incident.involved().stream().anyMatch(Peak::allErrors);
        List<LogTemplate> counted = incident.involved().stream().filter(t -> !errorsOnly || allErrors(t)).toList();
        return sources.stream().filter(LogSourceStats::timed)
                .max(Comparator.comparingLong(s -> lines(counted, s)))
                .filter(s -> lines(counted, s) > 0)
                .map(s -> busiest(counted.stream().filter(t -> t.source().equals(s.name())).toList(), s, errorsOnly));
    }

    private static boolean allErrors(LogTemplate t) {
        return t.errors() == t.count();
    }

    double perMinute() {
        return lines * 60.0 / span.toSeconds();
    }

    private static long lines(List<LogTemplate> templates, LogSourceStats s) {
        return templates.stream().filter(t -> t.source().equals(s.name())).mapToLong(LogTemplate::count).sum();
    }

    /** The templates' histograms added bucket by bucket; they share their source's axis. */
    private static long[] summed(List<LogTemplate> templates) {
        long[] sum = new long[templates.stream().mapToInt(t -> t.histogram().length).max().orElse(0)];
        templates.forEach(t -> {
            for (int i = 0; i < t.histogram().length; i++) {
                sum[i] += t.histogram()[i];
            }
        });
        return sum;
    }

    private static Peak busiest(List<LogTemplate> templates, LogSourceStats s, boolean errorsOnly) {
        long[] sum = summed(templates);
        int width = (int) Math.ceil((double) MINUTE.toSeconds() / s.bucketWidth());
        int best = 0;
        long most = -1;
        for (int i = 0; i + width <= Math.max(sum.length, width); i++) {
            long n = 0;
            for (int j = i; j < Math.min(i + width, sum.length); j++) {
                n += sum[j];
            }
            if (n > most) {
                best = i;
                most = n;
            }
        }
        while (best + width < sum.length && sum[best] == 0) {
            best++; // start at the first bucket with lines: an empty one dropped takes nothing from the busiest count
        }
        return new Peak(s.name(), Instant.ofEpochSecond(s.axisOrigin() + best * s.bucketWidth()),
                Duration.ofSeconds(width * s.bucketWidth()), most, errorsOnly);
    }
}
