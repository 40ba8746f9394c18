package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The report's Timeline: when the problem started, how it evolved, and whether it is still happening. */
final class TimelineSection {
    /** How far a log's clock may run ahead of the server's before its times are taken to be misread. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private TimelineSection() {
    }

    /** Something that happened, at its time (null when it has none: listed last). */
    record Moment(Instant at, String text) {
    }

    static List<String> lines(Investigation inv) {
        Observations o = inv.obs();
        Incident incident = inv.incident();
        List<String> out = new ArrayList<>();
        for (LogSourceStats s : o.sources) {
            out.add("- " + s.name() + " holds " + Markdown.count(s.events(), "event") + (s.first() == null
                    ? " without timestamps" : " from " + s.first() + " to " + s.last()) + zoneNote(s) + ".");
            ahead(s, o.asked).ifPresent(out::add);
        }
        if (incident.isEmpty()) {
            out.add(o.sources.isEmpty() && !o.request.alerts().pasted().isEmpty() ? "- No logs came with the request: "
                    + "the alerts' moments below are what there is to go by."
                    : "- No problem lines, so there is no start or end to report.");
        }
        List<Moment> moments = incident.isEmpty() ? new ArrayList<>() : moments(inv);
        moments.addAll(AlertMoments.of(o.request.alerts().pasted()));
        deployBeforeAlert(inv).ifPresent(moments::add);
        moments.sort(Comparator.comparing(Moment::at, Comparator.nullsLast(Comparator.naturalOrder())));
        moments.forEach(m -> out.add("- " + (m.at() == null ? "" : m.at() + ": ") + m.text()));
        AlertMoments.leftOut(o.request.alerts().pasted()).ifPresent(out::add);
        if (!incident.isEmpty()) {
            out.add("- " + ending(incident));
        }
        return out;
    }

    /**
     * Deployments are timed in UTC by the server, so a log written in local time without a zone puts its errors
     * hours away from the deploy that caused them; the reader has to know in which zone the times were taken, and on
     * what evidence, to see it.
     */
    private static String zoneNote(LogSourceStats s) {
        if (s.first() == null || !s.zoneAssumed()) {
            return "";
        }
        if (s.zoneNamed()) {
            return "Z".equals(s.assumedZone()) ? " (some of its times name no zone; they are read as UTC, as the order "
                    + "of its lines that name one singles out no other zone the request names)"
                    : " (some of its times name no zone; they are read in " + s.assumedZone() + ", where they fall in "
                    + "order among its lines that name one)";
        }
        return "Z".equals(s.assumedZone()) ? " (its times name no zone, so they are read as UTC)"
                : " (its times name no zone, so they are read in " + s.assumedZone() + ", the zone the request's "
                + "other logs name)";
    }

    /**
     * A log cannot hold lines written after the question was asked, beyond a clock's drift: times that lie later were
     * most likely read in the wrong zone, and every time of that log is then off by as much.
     */
    private static Optional<String> ahead(LogSourceStats s, Instant asked) {
        if (asked == null || s.last() == null || !s.last().isAfter(asked.plus(CLOCK_SKEW))) {
            return Optional.empty();
        }
        return Optional.of("- " + s.name() + " runs to " + Spans.of(Duration.between(asked,
                s.last())) + " after the question was asked (" + asked + "): its times were probably read in the wrong "
                + "zone, and may be off by as much.");
    }

    /** The incident's moments: first bad line, the line before it, each component's start, deployments. */
    private static List<Moment> moments(Investigation inv) {
        Observations o = inv.obs();
        Incident incident = inv.incident();
        List<Moment> moments = new ArrayList<>();
        LogTemplate first = incident.first();
        // the line before it has no time of its own to stand at in the timeline, so it goes with the first bad line
        String before = beforeFirst(o, first).map(q -> "; the line before it, line " + q.line() + ": "
                + Markdown.code(q.text())).orElse("");
        moments.add(new Moment(first.firstSeen(), "first bad line (" + first.source() + " line " + first.firstLine()
                + "): " + Markdown.code(first.sample()) + before));
        for (Incident.Link link : incident.chain().subList(1, incident.chain().size())) {
            moments.add(new Moment(link.template().firstSeen(), link.component() + " starts failing"
                    + (link.after() == null ? "" : " (" + Spans.of(link.after()) + " after the first bad line)")
                    + ": `" + Markdown.inline(link.template().label()) + "`"));
        }
        inv.deploys().forEach(d -> moments.add(new Moment(d.deployment().createdAt(), d.deployment().prose()
                + (d.recordedAfter() ? " recorded as deployed; " + DeployLink.RECORDED_AT_END + " at the first bad line"
                : " landed"))));
        inv.otherServices().forEach(d -> moments.add(new Moment(d.createdAt(), d.prose() + " landed ("
                + OtherServices.label(o.request) + ")")));
        DeployLink.after(o.deployments, incident, o.request).forEach(d -> moments.add(new Moment(d.createdAt(),
                d.prose() + " landed, after the problem began")));
        Precursor.before(o.templates, o.sources, incident.onset()).forEach(p -> moments.add(new Moment(
                p.template().firstSeen(), p.describe(incident.onset()))));
        return moments;
    }

    /**
     * Without a timed first bad line, the deployment lined up with the alert instead ({@link RecentDeployments}), so
     * the two stand in order.
     */
    private static Optional<Moment> deployBeforeAlert(Investigation inv) {
        if (inv.obs().request.alerts().pasted().start() == null) {
            return Optional.empty();
        }
        return RecentDeployments.named(inv).map(d -> new Moment(d.createdAt(), d.prose() + " landed"));
    }

    private static Optional<Quote> beforeFirst(Observations o, LogTemplate first) {
        return o.searches.stream().filter(s -> !s.fromPrompt() && !s.matches().isEmpty()
                && s.matches().get(0).line() == first.firstLine() && !s.beforeFirst().isEmpty())
                .map(s -> s.beforeFirst().get(s.beforeFirst().size() - 1)).findFirst();
    }

    static String ending(Incident incident) {
        long lines = incident.involved().stream().mapToLong(LogTemplate::count).sum();
        String total = Markdown.count(lines, "problem line") + " of " + Markdown.count(incident.involved().size(),
                "kind") + " in all";
        if (incident.stillHappening() == null) {
            // the problem lines' own times decide: other logs may carry times where a pasted trace has none
            return total + (incident.logsEnd() == null || incident.lastBad() == null ? "; the problem lines carry no "
                    + "time" : "; the logs cover less than a minute") + ", so whether it is still happening cannot be "
                    + "told.";
        }
        if (incident.stillHappening()) {
            return total + "; still happening: the last bad line (" + incident.lastBad()
                    + ") is at the end of the logs (" + incident.logsEnd() + ").";
        }
        return total + "; it stopped: the last bad line is at " + incident.lastBad() + ", "
                + Spans.of(Duration.between(incident.lastBad(), incident.logsEnd()))
                + " before the logs end (" + incident.logsEnd() + ").";
    }
}
