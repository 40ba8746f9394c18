package dev.missioncontrol.agent.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Findings that answer the terms the person asked about: where they occur, or that they do not. */
final class SearchFindings {
    static final int MAX_QUOTES = 10;
    static final int MAX_GROUPS = 5;

    private SearchFindings() {
    }

    /** The answers to the terms asked about, except words of the question's description that no line holds. */
    static List<Finding> of(Observations o) {
        List<Finding> out = new ArrayList<>();
        for (SearchOutcome s : o.searches) {
            if (s.fromPrompt() && !unmatchedDescription(o, s)) {
                out.add(s.total() == 0 ? absent(s) : present(s, o.request.newest()));
            }
        }
        return out;
    }

    /**
     * Words of the question's description ("why is checkout slow?") that no line holds: said after what the logs do
     * show, since the logs' own words for the problem are rarely the question's.
     */
    static List<Finding> unmatchedDescriptions(Observations o) {
        return o.searches.stream().filter(s -> s.fromPrompt() && unmatchedDescription(o, s))
                .map(SearchFindings::absent).toList();
    }

    static boolean unmatchedDescription(Observations o, SearchOutcome s) {
        return s.total() == 0 && o.request.describes(s.query());
    }

    private static Finding absent(SearchOutcome s) {
        String detail = String.format(Locale.ROOT, "Searched %s in %s%s.", Markdown.count(s.linesSearched(), "line"),
                s.sources().isEmpty() ? "no source" : String.join(", ", s.sources()),
                s.outOfTime() ? " (the search stopped at its time limit, so later lines were not searched)" : "");
        return new Finding("No '" + s.query() + "' log lines found", detail, List.of());
    }

    private static Finding present(SearchOutcome s, int newest) {
        String title = String.format(Locale.ROOT, "'%s' appears in %,d line%s", s.query(), s.total(),
                s.total() == 1 ? "" : "s");
        List<Quote> quotes;
        if (newest > 0) {
            quotes = s.matches().subList(0, Math.min(Math.min(newest, MAX_QUOTES), s.matches().size()));
            title += " (the newest " + quotes.size() + " are quoted)";
        } else if (s.groups().size() > 1) {
            quotes = s.groups().stream().limit(MAX_GROUPS).map(SearchOutcome.Group::first).toList();
        } else {
            quotes = s.matches().subList(0, Math.min(MAX_GROUPS, s.matches().size()));
        }
        StringBuilder detail = new StringBuilder();
        if (s.groups().size() > 1) {
            detail.append(String.format(Locale.ROOT, "They are of %d kinds: ", s.groups().size()));
            s.groups().stream().limit(MAX_GROUPS).forEach(g -> detail.append(String.format(Locale.ROOT,
                    "`%s` ×%,d; ", Markdown.inline(g.template()), g.count())));
            detail.setLength(detail.length() - 2);
            detail.append('.');
        } else if (!s.groups().isEmpty()) {
            detail.append("All of one kind: `").append(Markdown.inline(s.groups().get(0).template())).append("`.");
        }
        return new Finding(title, detail.toString(), quotes);
    }
}
