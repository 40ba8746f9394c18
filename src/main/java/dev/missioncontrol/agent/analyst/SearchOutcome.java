package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What one search_logs call found.
 *
 * @param beforeFirst the lines just before the first hit
 * @param groups the hits grouped by template: each group's first hit, with the group's size in {@link Group}
 */
record SearchOutcome(String query, boolean fromPrompt, long total, long linesSearched, boolean outOfTime,
                     List<Quote> matches, List<Group> groups, List<String> sources, List<Quote> beforeFirst) {

    /** Hits that share a template. */
    record Group(String template, long count, Quote first) {
    }

    static SearchOutcome from(JsonNode args, JsonNode data, boolean fromPrompt) {
        return new SearchOutcome(args.path("query").asText(), fromPrompt,
                data.path("total_matches").asLong(), data.path("lines_searched").asLong(),
                data.path("out_of_time").asBoolean(), Views.list(data.get("matches"), m -> Quote.from(m, "timestamp")),
                Views.list(data.get("groups"), g -> new Group(g.path("template").asText(), g.path("count").asLong(),
                        Quote.from(g, "timestamp"))),
                Views.list(data.get("sources_searched"), JsonNode::asText),
                Views.list(data.path("matches").path(0).get("before"), b -> new Quote(
                        data.path("matches").path(0).path("source").asText(), b.path("line").asLong(), null,
                        b.path("text").asText())));
    }
}
