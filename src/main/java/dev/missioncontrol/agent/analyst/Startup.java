package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application announcing its start shortly before the first bad line, as each new pod of a rollout does. It
 * supports a deployment that CI recorded only when its rollout ended, after the new version had begun to fail.
 *
 * @param at when the start was logged: the template's first or last line, whichever lies in the window
 */
record Startup(LogTemplate template, Instant at) {
    /** "Starting Application v7.3.0", "Started Application in 9.8 seconds", "Booting worker with pid 12". */
    private static final Pattern WORDS = Pattern.compile("(?i)\\b(?:starting|started|booting)\\b");

    /**
     * The earliest start logged within {@link DeployLink#ROLLOUT} before the onset, or null: "Starting" comes before
     * "Started", and names the version.
     */
    static Startup before(List<LogTemplate> templates, Instant onset) {
        if (onset == null) {
            return null;
        }
        Instant from = onset.minus(DeployLink.ROLLOUT);
        return templates.stream().filter(t -> !t.isProblem() && WORDS.matcher(t.label()).find())
                .map(t -> new Startup(t, within(t, from, onset))).filter(s -> s.at() != null)
                .min(Comparator.comparing(Startup::at)).orElse(null);
    }

    private static Instant within(LogTemplate t, Instant from, Instant to) {
        return Stream.of(t.lastSeen(), t.firstSeen())
                .filter(at -> at != null && !at.isBefore(from) && !at.isAfter(to)).findFirst().orElse(null);
    }

    /** "`Starting Application v7.3.0` at 23:53:03Z, 25.0 s before the first error". */
    String describe(Instant onset) {
        String text = at.equals(template.firstSeen()) ? template.label() : template.template();
        return "`" + Markdown.inline(text) + "` at " + at + ", " + Spans.of(Duration.between(at, onset))
                + " before the first error";
    }

    /** The line itself, when it is the template's first (a later one's line number is not known). */
    Optional<Quote> quote() {
        return at.equals(template.firstSeen()) ? Optional.of(template.firstQuote()) : Optional.empty();
    }
}
