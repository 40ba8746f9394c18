package dev.missioncontrol.agent.analyst;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers "show me the errors": the incident's kinds of problem line, saying which were found by their words
 * because they carry no level. With none, it says what the session's searches found instead: a log whose levels
 * the reader did not recognise can hold hundreds of failures that only a search shows, and "no errors" beside a
 * search that found them would contradict the session's own answer.
 */
final class FollowUpErrors {
    static final int MAX_SEARCHES = 3;
    private static final String WORDS = "words: ";

    private FollowUpErrors() {
    }

    static String answer(Investigation inv) {
        List<LogTemplate> problems = inv.incident().involved();
        if (problems.isEmpty()) {
            return searched(inv.obs());
        }
        StringBuilder b = new StringBuilder(Markdown.count(problems.size(), "kind") + " of problem line"
                + byWords(problems) + ":\n");
        problems.stream().limit(FollowUp.MAX_LINES).forEach(t -> b.append("- ").append(ProblemFindings.describe(t))
                .append("\n  ").append(Markdown.quote(t.firstQuote())).append('\n'));
        return b.toString().strip();
    }

    /** "; 2 of them carry no ERROR or WARN level and were found by their words (refused, failed)", or nothing. */
    private static String byWords(List<LogTemplate> problems) {
        List<LogTemplate> worded = problems.stream().filter(t -> t.problem().startsWith(WORDS)).toList();
        if (worded.isEmpty()) {
            return "";
        }
        Set<String> words = new LinkedHashSet<>();
        worded.forEach(t -> words.addAll(List.of(t.problem().substring(WORDS.length()).split(", "))));
        return (worded.size() == problems.size() ? "; none carries an ERROR or WARN level: all were found"
                : "; " + worded.size() + " of them carry no ERROR or WARN level and were found") + " by their words ("
                + String.join(", ", words) + ")";
    }

    private static String searched(Observations o) {
        String none = "No line was read as an error or warning (by its level, or where it has none by failure words "
                + "such as error, failed, timeout, refused)";
        Map<String, SearchOutcome> latest = new LinkedHashMap<>();
        o.searches.reversed().stream().filter(s -> s.total() > 0)
                .forEach(s -> latest.putIfAbsent(s.query().toLowerCase(Locale.ROOT), s));
        if (latest.isEmpty()) {
            return none + ", so no errors or warnings were found in the logs.";
        }
        StringBuilder b = new StringBuilder(none + ". But searches in this session found lines:\n");
        latest.values().stream().limit(MAX_SEARCHES).forEach(s -> {
            b.append("- '").append(s.query()).append("' in ").append(Markdown.count(s.total(), "line"))
                    .append(kinds(s)).append('\n');
            s.matches().stream().limit(1).forEach(q -> b.append("  ").append(Markdown.quote(q)).append('\n'));
        });
        return b.toString().strip();
    }

    private static String kinds(SearchOutcome s) {
        return s.groups().isEmpty() ? "" : ", of kinds " + String.join("; ", s.groups().stream().limit(3)
                .map(g -> String.format(Locale.ROOT, "`%s` ×%,d", Markdown.inline(g.template()), g.count()))
                .toList());
    }
}
