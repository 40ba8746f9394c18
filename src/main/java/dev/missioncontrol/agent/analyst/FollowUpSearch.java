package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up that names something to look for ("any lines with 'deadlock'?", "search for OOMKilled") is searched
 * for in the logs again, rather than answered from what the first pass happened to keep.
 */
final class FollowUpSearch {
    /** A quote opens after no letter and closes before none, so the apostrophes of "it's" and "we're" quote nothing. */
    private static final Pattern QUOTED = Pattern.compile("(?<!\\w)[\"'`“‘]([^\"'`”’]{2,120})[\"'`”’](?!\\w)");
    private static final Pattern ASKED = Pattern.compile("(?i)\\b(?:search(?: the logs)? for|grep(?: for)?|look for"
            + "|lines? (?:with|containing|mentioning|about)|mentions? of|occurrences? of)\\s+([\\w.:/\\-]{2,80})");
    /** Words that follow "look for" without naming anything to search ("look for the cause"). */
    private static final Set<String> VAGUE = Set.of("the", "a", "an", "it", "this", "that", "any", "anything",
            "something", "error", "errors", "problem", "problems", "issue", "issues", "cause", "causes");
    private static final int MAX_MATCHES = 10;
    /**
     * The answer to a search for a secret: search_logs never matches inside a masked one, so a search would say no
     * line holds it, and the timeline would repeat it in its call and result.
     */
    static final String SECRET = "That reads as a secret, and the logs are never searched for secrets: every line "
            + "shown has them masked. Search for the words around it instead.";

    private FollowUpSearch() {
    }

    /** The term the question asks to look for, if it names one; quoted, as typed, with its spaces (" 502 "). */
    static Optional<String> term(String question) {
        Matcher quoted = QUOTED.matcher(question);
        if (quoted.find() && !quoted.group(1).isBlank()) {
            return Optional.of(quoted.group(1));
        }
        Matcher asked = ASKED.matcher(question);
        return asked.find() && !VAGUE.contains(asked.group(1).toLowerCase(Locale.ROOT))
                ? Optional.of(asked.group(1)) : Optional.empty();
    }

    static ObjectNode call(String term) {
        return Json.object().put("query", term).put("context_lines", 1).put("max_matches", MAX_MATCHES);
    }

    /** The search_logs result for {@code term} made after the message at {@code messageSeq}, if there is one yet. */
    static Optional<Entry> resultAfter(History h, long messageSeq, String term) {
        Optional<Entry> call = h.entries().stream().filter(e -> e.seq() > messageSeq && e.is("tool_call")
                && "search_logs".equals(e.data().path("tool").asText())
                && term.equals(e.data().path("args").path("query").asText())).findFirst();
        return call.flatMap(c -> h.entries().stream().filter(e -> e.is("tool_result")
                && e.data().path("call_seq").asLong() == c.seq()).findFirst());
    }

    /** The answer: how many lines matched, where, and the first ones quoted with their time and place. */
    static String answer(String term, Entry result) {
        if ("error".equals(result.data().path("status").asText())) {
            return "The search for '" + term + "' failed: " + result.text();
        }
        JsonNode data = result.data().path("data");
        SearchOutcome found = SearchOutcome.from(Json.object().put("query", term), data, false);
        String how = data.path("whole_number").asBoolean() ? " as a whole number" : "";
        if (found.total() == 0) {
            // said whatever the term: a reply that named a masked match would confirm the secret it guessed
            return String.format(Locale.ROOT, "No line mentions '%s'%s (%d lines searched; values masked as secrets "
                    + "are not searched).", term, how, found.linesSearched());
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d lines mention '%s'%s%s:%n", found.total(),
                term, how, sources(found.sources())));
        found.matches().stream().limit(FollowUp.MAX_LINES).forEach(q -> b.append(Markdown.quote(q)).append('\n'));
        if (found.total() > Math.min(found.matches().size(), FollowUp.MAX_LINES)) {
            b.append("(the first ").append(Math.min(found.matches().size(), FollowUp.MAX_LINES)).append(" shown)");
        }
        return b.toString().strip();
    }

    private static String sources(List<String> sources) {
        return sources.isEmpty() ? "" : " in " + String.join(", ", sources);
    }
}
