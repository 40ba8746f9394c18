package dev.missioncontrol.agent.analyst;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line that appears for the first time shortly before the first bad line and announces a change: a batch job or a
 * migration starting, a flag switched, a failover, a rebalance. Such a change is a suspect that only timing ties to
 * the problem, as a deployment's is, and nothing else records it: the timeline names it for the reader to weigh,
 * without ranking it as a cause. The line must be new: the log ran for a while before it without it.
 */
record Precursor(LogTemplate template) {
    /** How long before the first bad line a change is still named. */
    static final Duration WITHIN = Duration.ofMinutes(15);
    /** How long the log must have run without the line before it, for its being new to mean anything. */
    static final Duration QUIET_BEFORE = Duration.ofMinutes(10);
    static final int MAX = 3;
    /** A change is announced once or a few times; a line logged more often is the service's routine. */
    private static final long FEW = 3;
    private static final Pattern CHANGE = Pattern.compile("(?i)\\b(?:start(?:ed|ing|s)?|begin(?:ning|s)?|began"
            + "|launch(?:ed|ing)|trigger(?:ed|ing)|kick(?:ed|ing) off|enabl(?:ed|ing)|disabl(?:ed|ing)"
            + "|reload(?:ed|ing)?|switch(?:ed|ing)|migrat\\w*|rebalanc\\w*|elected|fail(?:ed|ing)? ?over"
            + "|scal(?:ed|ing)|rotat(?:ed|ing)|restor(?:ed|ing)|cron|batch)\\b");

    /** The newest first, at most {@link #MAX}; none when the first bad line has no time. */
    static List<Precursor> before(List<LogTemplate> templates, List<LogSourceStats> sources, Instant onset) {
        if (onset == null) {
            return List.of();
        }
        Instant from = onset.minus(WITHIN);
        return templates.stream().filter(t -> !t.isProblem() && t.count() <= FEW && t.firstSeen() != null
                        && !t.firstSeen().isAfter(onset) && !t.firstSeen().isBefore(from) && isNew(t, sources)
                        && CHANGE.matcher(t.label()).find())
                .sorted(Comparator.comparing(LogTemplate::firstSeen).reversed()).limit(MAX).map(Precursor::new)
                .toList();
    }

    private static boolean isNew(LogTemplate t, List<LogSourceStats> sources) {
        return sources.stream().filter(s -> s.name().equals(t.source()) && s.first() != null).findFirst()
                .map(s -> !s.first().plus(QUIET_BEFORE).isAfter(t.firstSeen())).orElse(false);
    }

    /** "`nightly-reconcile started: …` first appears, 3m 4s before the first bad line". */
    String describe(Instant onset) {
        return "`" + Markdown.inline(template.label()) + "` first appears in " + template.source() + ", "
                + Spans.of(Duration.between(template.firstSeen(), onset)) + " before the first bad line: a change that "
                + "may have set it off";
    }
}
