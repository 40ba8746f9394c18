package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pasted {@code kubectl describe pod} among the request's outputs. Its {@code Reason: OOMKilled} is one line, but
 * how the container ended and how often it restarted are on the lines around it, which no signature matches: they
 * are searched for, so the report quotes the pod's state as captured rather than calling it unavailable.
 */
final class PodDescription {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The keys of a container's state and resources, as {@code kubectl describe} writes them. */
    static final String KEYS = "^\\s*(?:Last State|State|Reason|Exit Code|Restart Count|Limits|Requests|memory):(?:\\s|$)";
    /** A description's own lines, as analyze_logs lists one: a container's state and what it ended with. */
    private static final Pattern DESCRIBES = Pattern.compile("^\\s*(?:Last State|Restart Count|Reason|Exit Code):\\s");
    /** The lines that say how the container ended and restarted, named in the finding's title. */
    private static final Pattern ENDED = Pattern.compile("^\\s*(?:Reason|Exit Code|Restart Count):\\s");
    private static final int MAX_NAMED = 4;

    private PodDescription() {
    }

    /** The source that holds a description, if the analysis listed a line of one. */
    static Optional<String> source(Observations o) {
        return o.templates.stream().filter(t -> DESCRIBES.matcher(t.sample()).find()).map(LogTemplate::source)
                .findFirst();
    }

    /** The search for the container's state, exit code, restarts and resources in the description. */
    static Optional<ObjectNode> search(Observations o) {
        return source(o).map(s -> JSON.createObjectNode().put("query", KEYS).put("regex", true)
                .put("context_lines", 0).put("max_matches", 20).put("source", s));
    }

    /** The pod's state as its description says it, quoted from the lines the search found. */
    static Optional<Finding> finding(Observations o) {
        Optional<SearchOutcome> found = o.searches.stream().filter(s -> s.query().equals(KEYS) && s.total() > 0)
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Quote> lines = found.get().matches();
        List<String> named = lines.stream().map(q -> q.text().strip()).filter(t -> ENDED.matcher(t).find())
                .distinct().limit(MAX_NAMED).map(Markdown::code).toList();
        String where = lines.get(0).source();
        String title = named.isEmpty() ? "The pod as " + where + " captured it"
                : "The pod as " + where + " captured it: " + String.join(", ", named);
        return Optional.of(new Finding(title, "Read from the `kubectl describe` output the request carried: its "
                + "containers' state, how the last one ended and how often they restarted, as they were when it was "
                + "captured, not as they are now.", lines.stream().limit(SearchFindings.MAX_QUOTES).toList()));
    }
}
