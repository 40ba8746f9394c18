package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem as the logs show it: which problem templates make up the incident (as opposed to background noise
 * that was there all along), which line was the first bad one, the order in which components started failing, and
 * whether it was still going on when the logs end.
 *
 * @param involved       the incident's templates, earliest first
 * @param background     problem templates present from the start to the end at a steady rate
 * @param strays         a few isolated problem lines long before the incident, or a few warnings well ahead of its
 *                       errors, which are not taken as its start
 * @param stillHappening true or false on a timed log; null when the logs carry no time
 */
record Incident(List<LogTemplate> involved, List<LogTemplate> background, List<LogTemplate> strays, List<Link> chain,
                Instant lastBad, Boolean stillHappening, Instant logsEnd) {

    /** A component's first problem, and how long after the incident's first bad line it came. */
    record Link(String component, LogTemplate template, Duration after) {
    }

    /** A template's rate in the rest of the log must reach this multiple of its early rate to count as new. */
    static final double RISE = 3.0;
    static final int MIN_BUCKETS = 8;
    /**
     * A template of at most this many lines, followed by this long a silence before the rest of the incident, which
     * has ten times its lines, is a stray: one "failed to parse" line twenty minutes before an outage of seventy pool
     * timeouts would otherwise set the outage's start, and with it which deployment came before.
     */
    static final int STRAY_LINES = 3;
    static final Duration STRAY_GAP = Duration.ofMinutes(10);
    /** The quiet at the end of the logs that ends an incident lies between these, as {@link #still} explains. */
    static final Duration MIN_QUIET = Duration.ofMinutes(1);
    static final Duration MAX_QUIET = Duration.ofMinutes(10);
    /** By time; lines without time by source (the request's own logs before captured tool output), then line. */
    static Comparator<LogTemplate> earliest(List<LogSourceStats> sources) {
        List<String> order = sources.stream().map(LogSourceStats::name).toList();
        return Comparator.comparing(LogTemplate::firstSeen, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(t -> order.indexOf(t.source())).thenComparingLong(LogTemplate::firstLine);
    }

    static Incident of(List<LogTemplate> problems, List<LogSourceStats> sources) {
        List<LogTemplate> background = new ArrayList<>();
        List<LogTemplate> involved = new ArrayList<>();
        for (LogTemplate t : problems) {
            (isBackground(t) && throughout(t, sources) ? background : involved).add(t);
        }
        if (involved.isEmpty()) { // the log starts inside the incident: everything in it is the incident
            involved.addAll(background);
            background.clear();
        }
        involved.sort(earliest(sources));
        List<LogTemplate> strays = strays(involved);
        Instant lastBad = involved.stream().map(LogTemplate::lastSeen).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        LogSourceStats source = involved.stream().map(t -> sourceOf(t, sources)).filter(java.util.Objects::nonNull)
                .filter(x -> x.last() != null).max(Comparator.comparing(LogSourceStats::last))
                .orElse(involved.isEmpty() ? null : sourceOf(involved.get(0), sources));
        Instant end = source == null ? null : source.last();
        return new Incident(List.copyOf(involved), List.copyOf(background), strays, chain(involved), lastBad,
                still(lastBad, source), end);
    }

    /** Takes the leading strays out of {@code involved}, earliest first. */
    private static List<LogTemplate> strays(List<LogTemplate> involved) {
        List<LogTemplate> strays = new ArrayList<>();
        while (involved.size() > 1 && isStray(involved.get(0), involved.subList(1, involved.size()))) {
            strays.add(involved.remove(0));
        }
        return List.copyOf(strays);
    }

    private static boolean isStray(LogTemplate t, List<LogTemplate> rest) {
        Instant next = rest.get(0).firstSeen();
        if (t.lastSeen() == null || next == null || t.count() > STRAY_LINES) {
            return false;
        }
        Duration gap = Duration.between(t.lastSeen(), next);
        long restLines = rest.stream().mapToLong(LogTemplate::count).sum();
        return restLines >= 10 * t.count() && gap.compareTo(STRAY_GAP) >= 0 || warningAhead(t, rest, gap);
    }

    /**
     * A few lines below error level, more than {@link ActionPlan#TOGETHER} ahead of the errors that follow: a person
     * dates an outage from its first error, not from one slow cache warm-up three minutes earlier, which would also
     * put the deploy that brought the errors after the start. Warnings seconds before the errors may be their first
     * sign and stay; so do warnings that no error follows, which are then the problem itself.
     */
    private static boolean warningAhead(LogTemplate t, List<LogTemplate> rest, Duration gap) {
        return !t.isError() && rest.stream().anyMatch(LogTemplate::isError)
                && gap.compareTo(ActionPlan.TOGETHER) > 0;
    }

    boolean isEmpty() {
        return involved.isEmpty();
    }

    LogTemplate first() {
        return involved.isEmpty() ? null : involved.get(0);
    }

    Instant onset() {
        return involved.isEmpty() ? null : involved.get(0).firstSeen();
    }

    long errorCount() {
        return involved.stream().mapToLong(LogTemplate::errors).sum();
    }

    /**
     * Present in the first and the last quarter of a long enough timed log, and not much more frequent after the
     * first. A burst at the start of the logs that stopped is no background: it may be the incident, ended.
     */
    static boolean isBackground(LogTemplate t) {
        long[] h = t.histogram();
        if (h.length < MIN_BUCKETS || t.firstSeen() == null) {
            return false;
        }
        int quarter = h.length / 4;
        long early = 0;
        long later = 0;
        long last = 0;
        for (int i = 0; i < h.length; i++) {
            if (i < quarter) {
                early += h[i];
            } else {
                later += h[i];
            }
            last += i >= h.length - quarter ? h[i] : 0;
        }
        double earlyRate = (double) early / quarter;
        double laterRate = (double) later / (h.length - quarter);
        return early > 0 && last > 0 && laterRate < RISE * earlyRate;
    }

    /**
     * Whether a template was there near the start and near the end of all the timed logs, not only of its own. A
     * source that covers only the incident (an error log holding nothing but the outage) shows its problems steady
     * from its first line to its last; beside a longer log they are what changed, not background. With one timed
     * source the histogram alone decides, as {@link #isBackground} does.
     */
    private static boolean throughout(LogTemplate t, List<LogSourceStats> sources) {
        List<LogSourceStats> timed = sources.stream().filter(s -> s.timed() && s.first() != null && s.last() != null)
                .toList();
        if (timed.size() < 2 || t.firstSeen() == null || t.lastSeen() == null) {
            return true;
        }
        Instant start = timed.stream().map(LogSourceStats::first).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = timed.stream().map(LogSourceStats::last).max(Comparator.naturalOrder()).orElseThrow();
        Duration quarter = Duration.between(start, end).dividedBy(4);
        return !t.firstSeen().isAfter(start.plus(quarter)) && !t.lastSeen().isBefore(end.minus(quarter));
    }

    private static List<Link> chain(List<LogTemplate> involved) {
        Map<String, LogTemplate> firstByComponent = new LinkedHashMap<>();
        for (LogTemplate t : involved) {
            if (t.firstSeen() == null && !firstByComponent.isEmpty()) {
                continue; // without time there is no order between components
            }
            firstByComponent.putIfAbsent(t.component() == null ? t.source() : t.component(), t);
        }
        Instant onset = involved.isEmpty() ? null : involved.get(0).firstSeen();
        List<Link> links = new ArrayList<>();
        firstByComponent.forEach((component, t) -> links.add(new Link(component, t,
                onset == null || t.firstSeen() == null ? null : Duration.between(onset, t.firstSeen()))));
        return links;
    }

    /**
     * Still happening when the last bad line is within the last 2 % of the log's time span, but never less than a
     * minute nor more than ten: 34 ms of quiet at the end of a short log is no end, and three hours at the end of a
     * week's log are one. Logs spanning less than a minute cannot tell (null).
     */
    private static Boolean still(Instant lastBad, LogSourceStats source) {
        if (lastBad == null || source == null || !source.timed() || source.last() == null) {
            return null;
        }
        Duration span = Duration.between(source.first(), source.last());
        if (span.compareTo(MIN_QUIET) < 0) {
            return null;
        }
        Duration slack = span.dividedBy(50);
        slack = slack.compareTo(MIN_QUIET) < 0 ? MIN_QUIET : slack.compareTo(MAX_QUIET) > 0 ? MAX_QUIET : slack;
        return Duration.between(lastBad, source.last()).compareTo(slack) <= 0;
    }

    private static LogSourceStats sourceOf(LogTemplate t, List<LogSourceStats> sources) {
        return sources.stream().filter(s -> s.name().equals(t.source())).findFirst().orElse(null);
    }
}
