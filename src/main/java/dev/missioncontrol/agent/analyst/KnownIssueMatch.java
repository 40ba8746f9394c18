package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A failure signature match_known_issues found, with the template ids that showed it and the ids of the issues that
 * commonly cause it.
 */
record KnownIssueMatch(String id, String title, String diagnosis, String remediation, int specificity, long count,
                       List<String> templateIds, List<Quote> evidence, List<String> causedBy) {

    static KnownIssueMatch from(JsonNode n) {
        return new KnownIssueMatch(n.path("id").asText(), n.path("title").asText(), n.path("diagnosis").asText(),
                n.path("remediation").asText(), n.path("specificity").asInt(), n.path("count").asLong(),
                n.has("template_ids") ? Views.list(n.get("template_ids"), JsonNode::asText)
                        : Views.list(n.get("evidence"), e -> e.path("template_id").asText()),
                Views.list(n.get("evidence"), e -> Quote.from(e, "timestamp")),
                Views.list(n.get("caused_by"), JsonNode::asText));
    }
}
