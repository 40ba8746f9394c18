package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.alerts.Alert;
import dev.missioncontrol.alerts.AlertLabel;
import dev.missioncontrol.alerts.PastedAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert that paged the person, beside the logs: when it fired and how that lines up with the first bad line. An
 * alert watches a symptom, so the logs' first bad line usually comes a little before it; an alert with no problem
 * line around its start says the problem is not in these logs. Says, too, where the service the report speaks of
 * came from when only the alert's labels named it.
 */
final class AlertFinding {
    static final int LABELS_SHOWN = 8;

    private AlertFinding() {
    }

    static Optional<Finding> of(Observations o, Incident incident) {
        return headline(o, incident).map(title -> new Finding(title, detail(o.request.alerts()),
                incident.first() == null ? List.of() : List.of(incident.first().firstQuote())));
    }

    /**
     * "Alert HighErrorRate fired at 2026-12-01T01:52:00Z: the first bad line came 5.0 s before it", of the alert
     * the problem is lined up with ({@link PastedAlerts#lead}); empty when the request carried none.
     */
    static Optional<String> headline(Observations o, Incident incident) {
        PastedAlerts pasted = o.request.alerts().pasted();
        if (pasted.isEmpty()) {
            return Optional.empty();
        }
        Alert first = lined(pasted);
        String which = "Alert " + AlertMoments.name(first) + (pasted.total() > 1 ? ", "
                + (first.firing() ? "the first still firing" : "the first") + " of "
                + Markdown.count(pasted.total(), "alert") + "," : "");
        if (first.start() == null) {
            return Optional.of(which + " gives no start, so it could not be lined up with the logs");
        }
        return Optional.of(which + " " + first.started() + " at " + first.start() + ": " + relation(first, o, incident));
    }

    /** The alert the finding is of: the one the problem is lined up with, else the first shown. */
    private static Alert lined(PastedAlerts pasted) {
        return pasted.lead().orElse(AlertMoments.shown(pasted).get(0));
    }

    private static String relation(Alert a, Observations o, Incident incident) {
        if (o.sources.isEmpty()) {
            return "no logs came with the request to line it up with";
        }
        if (incident.isEmpty()) {
            return quiet(a.start(), o);
        }
        if (incident.onset() == null) {
            return "the problem lines carry no time, so they could not be lined up with it";
        }
        Duration gap = Duration.between(incident.onset(), a.start());
        return gap.isNegative() ? "it " + a.started() + " " + Spans.of(gap) + " before the first bad line"
                : "the first bad line came " + Spans.of(gap) + " before it";
    }

    /** How logs without a problem line lie around the alert's start: around it, they clear the service's own code. */
    private static String quiet(Instant start, Observations o) {
        Instant from = o.sources.stream().map(LogSourceStats::first).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant to = o.sources.stream().map(LogSourceStats::last).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        if (from == null || to == null) {
            return "the logs hold no problem line, and carry no time to tell whether they cover its start";
        }
        if (start.isBefore(from)) {
            return "the logs hold no problem line, and begin " + Spans.of(Duration.between(start, from)) + " after it";
        }
        if (start.isAfter(to)) {
            return "the logs hold no problem line, and end " + Spans.of(Duration.between(to, start)) + " before it";
        }
        return "no problem line in the logs around its start (they run from " + from + " to " + to + ")";
    }

    /** What the alert says, its labels, where it was found, and what the request took from its labels. */
    private static String detail(RequestAlerts alerts) {
        PastedAlerts pasted = alerts.pasted();
        Alert first = lined(pasted);
        StringBuilder b = new StringBuilder();
        if (first.summary() != null) {
            b.append("Summary: ").append(AlertMoments.text(first.summary())).append(". ");
        }
        if (first.description() != null && !first.description().equals(first.summary())) {
            b.append("Description: ").append(AlertMoments.text(first.description())).append(". ");
        }
        List<String> labels = first.labels().entrySet().stream().filter(e -> !e.getKey().equals("alertname"))
                .sorted(Map.Entry.comparingByKey()).limit(LABELS_SHOWN)
                .map(e -> AlertMoments.text(e.getKey() + "=" + e.getValue())).toList();
        if (!labels.isEmpty()) {
            b.append("Labels: ").append(String.join(", ", labels)).append(". ");
        }
        b.append("Read from ").append(String.join(", ", pasted.places().stream().map(AlertMoments::text).toList()))
                .append('.');
        String whose = pasted.total() > 1 ? "alerts'" : "alert's";
        taken("service", alerts.service(), whose).ifPresent(b::append);
        return b.toString();
    }

    /** " The service, checkout, is taken from the alert's `service` label." */
    private static Optional<String> taken(String what, AlertLabel label, String whose) {
        return Optional.ofNullable(label).map(l -> " The " + what + ", " + l.value() + ", is taken from the " + whose
                + " `" + l.name() + "` label, as the request names none otherwise.");
    }
}
