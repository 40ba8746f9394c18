package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The searches the playbook runs, in order: the terms the person asked about, then the fixed words of the
 * incident's first bad line (to see what came just before it) and of its most frequent error, and the state of the
 * containers in a pasted pod description.
 */
final class SearchPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PHRASE_TOKENS = 8;
    /**
     * A longer word is a blob (a dumped body, base64), no phrase to search by; or the end of a template cut short,
     * which no line holds. Eight words this long stay within search_logs' limit on a query's length.
     */
    static final int PHRASE_WORD_CHARS = 100;
    static final int MAX_NEWEST = 50;

    private SearchPlan() {
    }

    /** The next search not yet run, if any. */
    static Optional<ObjectNode> next(Observations o) {
        if (o.sources.isEmpty()) {
            return Optional.empty(); // nothing to search: the analysis found no logs at all
        }
        return planned(o).stream().filter(a -> !o.searched(a.path("query").asText())).findFirst();
    }

    static List<ObjectNode> planned(Observations o) {
        List<ObjectNode> plan = new ArrayList<>();
        int newest = Math.min(o.request.newest(), MAX_NEWEST);
        for (String term : o.request.terms()) {
            ObjectNode a = JSON.createObjectNode().put("query", term).put("context_lines", 2);
            a.put("max_matches", newest > 0 ? newest : 20);
            if (newest > 0) {
                a.put("last", true);
            }
            plan.add(a);
        }
        Incident incident = Incident.of(o.problems(), o.sources);
        if (!incident.isEmpty()) {
            phraseSearch(incident.first()).ifPresent(plan::add);
            incident.involved().stream().filter(LogTemplate::isError)
                    .max(Comparator.comparingLong(LogTemplate::count))
                    .filter(t -> t != incident.first()).flatMap(SearchPlan::phraseSearch).ifPresent(plan::add);
        }
        PodDescription.search(o).ifPresent(plan::add);
        return plan;
    }

    private static Optional<ObjectNode> phraseSearch(LogTemplate t) {
        String phrase = phrase(t.template());
        if (phrase == null) {
            return Optional.empty();
        }
        return Optional.of(JSON.createObjectNode().put("query", phrase).put("regex", true).put("context_lines", 3)
                .put("max_matches", 3).put("source", t.source()));
    }

    /**
     * A word every line of the template has: not a variable, and not a masked secret, which no line holds as shown
     * (a search for "password=[REDACTED]" finds nothing and reads as contrary evidence); nor a blob or the cut end
     * of a long template (see {@link #PHRASE_WORD_CHARS}).
     */
    private static boolean fixed(String token) {
        return !token.contains("<*>") && !token.contains(Redactor.MASK) && token.length() <= PHRASE_WORD_CHARS
                && !token.endsWith("…");
    }

    /** The longest run of fixed words in a template, as a regex tolerant of spacing; null if too short. */
    static String phrase(String template) {
        String[] tokens = template.split("\\s+");
        int bestStart = 0;
        int bestLength = 0;
        int bestChars = 0;
        for (int start = 0; start < tokens.length; start++) {
            int chars = 0;
            int end = start;
            while (end < tokens.length && end - start < PHRASE_TOKENS && fixed(tokens[end])) {
                chars += tokens[end].length();
                end++;
            }
            if (chars > bestChars) {
                bestStart = start;
                bestLength = end - start;
                bestChars = chars;
            }
        }
        if (bestChars < 4) {
            return null;
        }
        List<String> quoted = new ArrayList<>();
        for (int i = bestStart; i < bestStart + bestLength; i++) {
            quoted.add(Pattern.quote(tokens[i]));
        }
        return String.join("\\s+", quoted);
    }
}
