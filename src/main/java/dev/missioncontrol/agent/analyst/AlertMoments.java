package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.alerts.Alert;
import dev.missioncontrol.alerts.PastedAlerts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pasted alerts in the report's Timeline, among the logs' moments: when each fired and, once resolved, when it
 * did. The first {@value #MAX_SHOWN} to fire are shown; the rest of an alert storm is counted by name on one line, so
 * thousands of alerts make the report no longer.
 */
final class AlertMoments {
    static final int MAX_SHOWN = 5;
    static final int NAMES_COUNTED = 5;

    private AlertMoments() {
    }

    static List<TimelineSection.Moment> of(PastedAlerts pasted) {
        List<TimelineSection.Moment> out = new ArrayList<>();
        for (Alert a : shown(pasted)) {
            out.add(new TimelineSection.Moment(a.start(), fired(a) + (a.start() == null ? "; the alert gives no "
                    + "start" : "")));
            if (a.resolved() && a.end() != null) {
                out.add(new TimelineSection.Moment(a.end(), "alert " + name(a) + " resolved"));
            }
        }
        return out;
    }

    /** The alerts shown, the first to fire first. */
    static List<Alert> shown(PastedAlerts pasted) {
        return pasted.alerts().stream().sorted(Comparator.comparing(Alert::start,
                Comparator.nullsLast(Comparator.naturalOrder()))).limit(MAX_SHOWN).toList();
    }

    /** "- 1,195 more alerts not shown: HighErrorRate ×190, DiskFull ×5, and 1,000 counted but not read." */
    static Optional<String> leftOut(PastedAlerts pasted) {
        List<Alert> shown = shown(pasted);
        int more = pasted.total() - shown.size();
        if (more <= 0) {
            return Optional.empty();
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        pasted.alerts().stream().filter(a -> !shown.contains(a)).forEach(a -> byName.merge(name(a), 1,
                Integer::sum));
        List<String> counts = new ArrayList<>(byName.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(NAMES_COUNTED)
                .map(e -> String.format(Locale.ROOT, "%s ×%,d", e.getKey(), e.getValue())).toList());
        if (byName.size() > NAMES_COUNTED) {
            counts.add("others");
        }
        if (pasted.leftOut() > 0) {
            counts.add(String.format(Locale.ROOT, "%,d counted but not read", pasted.leftOut()));
        }
        return Optional.of("- " + Markdown.count(more, "more alert") + " not shown: " + String.join(", ", counts)
                + ".");
    }

    /** "alert HighErrorRate fired (critical): checkout 5xx rate above 5%" */
    static String fired(Alert a) {
        return "alert " + name(a) + " " + a.started()
                + (a.severity() == null ? "" : " (" + text(a.severity()) + ")")
                + (a.headline() == null ? "" : ": " + text(a.headline()));
    }

    static String name(Alert a) {
        return text(a.name());
    }

    /**
     * Text of the request's alert as report prose: masked as every request text is before it reaches a report, and
     * escaped, since an annotation is whatever a rule's author wrote and could render as a link or an image.
     */
    static String text(String fromRequest) {
        return Markdown.plain(Redactor.redact(fromRequest), Markdown.INLINE_CHARS);
    }
}
