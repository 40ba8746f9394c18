package dev.missioncontrol.agent.analyst;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers a question asked after the report, from the same analysis (searches are {@link FollowUpSearch}'s). The
 * question picks one answer by its words, checked in a fixed order so that the more specific ask wins: a deployment
 * it names ({@link DeployQuestion}), then rate or whether it is still happening, then what changed, then the root
 * cause or exception, then when it started, then the errors themselves; anything else gets the summary.
 */
final class FollowUp {
    private static final Pattern RATE = Pattern.compile("(?i)\\b(rates?|per (second|minute|hour)|a minute|peak\\w*"
            + "|how (often|frequent\\w*)|how many (errors?|failures?|problems?|lines?|times)|still (happening|going"
            + "|failing|ongoing|broken|there)|ongoing|(has|did) it stop(ped)?|is it over)\\b");
    private static final Pattern CHANGED = Pattern.compile("(?i)\\b(chang\\w*|before|deploy\\w*|release\\w*|commit)\\b");
    private static final Pattern ROOT_CAUSE = Pattern.compile(
            "(?i)\\b(root cause|exceptions?|stack ?traces?|what caused|underlying)\\b");
    private static final Pattern WHEN = Pattern.compile("(?i)\\b(when|start(ed)?|began|begin|first|since|onset)\\b");
    private static final Pattern ERRORS = Pattern.compile("(?i)\\b(errors?|show|list|lines?|logs?|failures?)\\b");
    static final int MAX_LINES = 8;

    private FollowUp() {
    }

    static String answer(String question, Investigation inv) {
        var named = DeployQuestion.answer(question, inv);
        if (named.isPresent()) {
            return named.get();
        }
        if (RATE.matcher(question).find()) {
            return rate(inv);
        }
        if (CHANGED.matcher(question).find()) {
            return FollowUpChanges.answer(inv);
        }
        if (ROOT_CAUSE.matcher(question).find()) {
            return rootCause(inv);
        }
        if (WHEN.matcher(question).find()) {
            return String.join("\n", TimelineSection.lines(inv));
        }
        if (ERRORS.matcher(question).find()) {
            return FollowUpErrors.answer(inv);
        }
        return ReportWriter.summary(inv) + "\n\nLikely cause:\n" + ReportWriter.causes(inv)
                + "\nAsk \"show me the errors\", \"when did it start\", \"what changed before?\", \"is it still "
                + "happening?\" or \"search for 'some text'\" for more.";
    }

    /** The busiest minute and whether it was still going on at the end of the logs. */
    private static String rate(Investigation inv) {
        Incident incident = inv.incident();
        if (incident.isEmpty()) {
            return FollowUpErrors.answer(inv);
        }
        String ending = TimelineSection.ending(incident);
        return Peak.of(incident, inv.obs().sources).map(p -> String.format(Locale.ROOT, "At the peak, %s in the %s "
                + "from %s: about %.0f a minute.%n%s", Markdown.count(p.lines(), p.errorsOnly() ? "error line"
                : "problem line"), Spans.of(p.span()), p.start(), p.perMinute(), ending))
                .orElse("The problem lines carry no time, so there is no rate per minute. " + ending);
    }

    /** The leading cause as ranked, then the exception most problem lines name (or the most frequent line). */
    private static String rootCause(Investigation inv) {
        Incident incident = inv.incident();
        if (incident.isEmpty()) {
            return FollowUpErrors.answer(inv);
        }
        StringBuilder b = new StringBuilder();
        inv.hypotheses().stream().limit(1).forEach(top -> b.append("The leading cause (")
                .append(top.confidence().word()).append(" confidence): ").append(top.title()).append(".\n"));
        Optional<LeadingException> named = LeadingException.of(incident);
        LogTemplate quoted = named.map(LeadingException::template)
                .orElseGet(() -> LeadingException.largest(incident.involved()));
        b.append(named.map(FollowUp::exception).orElse("No problem line names an exception. The most frequent "
                + "problem line, " + ProblemFindings.describe(quoted) + "\n"));
        b.append(Markdown.quote(quoted.firstQuote()));
        if (quoted != incident.first()) {
            b.append("\nThe first bad line:\n").append(Markdown.quote(incident.first().firstQuote()));
        }
        return b.toString();
    }

    private static String exception(LeadingException e) {
        return String.format(Locale.ROOT, "The exception most problem lines name: `%s` (%s)%s:%n",
                Markdown.inline(e.name()), Markdown.count(e.lines(), "line"), e.innermost() == null ? ""
                : "; the innermost cause its first line names is `" + Markdown.inline(e.innermost()) + "`");
    }
}
