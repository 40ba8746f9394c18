package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployments and commits a report names (a deployment's id, a commit's SHA or its short form, on a line that
 * speaks of a deploy, a commit, a release or a rollback), checked against the organization's deployments through
 * the deployment tools the model has. One the store does not know still stands when the request or the logs name
 * it: the model read it there. Any other is unknown, and an action built on it must not be offered.
 */
final class NamedDeployments {
    private static final Logger LOG = LoggerFactory.getLogger(NamedDeployments.class);
    private static final Pattern DEPLOY_WORDS = Pattern.compile("(?i)\\b(deploy\\w*|commit\\w*|sha|release\\w*"
            + "|roll(ed|ing|s)?[ -]?back|revert\\w*|rollout|build|version|ship\\w*)\\b");
    private static final Pattern ID = Pattern.compile("(?i)(?<![\\w-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{7,64})(?![\\w-])");
    /** The organization's newest deployments looked through, a page of the tool's maximum at a time. */
    static final int PAGES = 10;
    private static final int PAGE = 100;
    private static final int MAX_FIELD_CHARS = 2_000;

    /** How a named id stands. */
    enum Standing { RECORDED, IN_EVIDENCE, UNKNOWN, UNCHECKED }

    /** An id as it stands in the markdown. */
    record Named(String id, int start, int end) {
    }

    private final Tool list;
    private final Tool get;
    private final Tool search;

    NamedDeployments(Tool list, Tool get, Tool search) {
        this.list = list;
        this.get = get;
        this.search = search;
    }

    /** The ids named on lines about deploys, outside quoted log lines (those are checked as quotes). */
    static List<Named> in(String markdown, List<QuotedLines.Code> code) {
        List<Named> found = new ArrayList<>();
        int pos = 0;
        for (String line : markdown.split("\n", -1)) {
            if (DEPLOY_WORDS.matcher(line).find()) {
                Matcher m = ID.matcher(line);
                while (m.find()) {
                    int at = pos + m.start();
                    boolean quoted = code.stream().anyMatch(c -> c.quote() && c.holds(at));
                    if (!quoted && looksLikeAnId(m.group(1))) {
                        found.add(new Named(m.group(1), at, pos + m.end()));
                    }
                }
            }
            pos += line.length() + 1;
        }
        return found;
    }

    /** A SHA has digits and letters; "1234567" is a number and "defaced" a word. */
    private static boolean looksLikeAnId(String s) {
        return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
    }

    /** How each id stands, in the order given. */
    Map<String, Standing> check(Collection<String> ids, SessionFacts session) {
        Map<String, Standing> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try {
            List<JsonNode> recorded = recorded(ids, session);
            for (String id : ids) {
                out.put(id, recorded.stream().anyMatch(d -> names(d, id)) ? Standing.RECORDED
                        : inEvidence(id, session) ? Standing.IN_EVIDENCE : Standing.UNKNOWN);
            }
        } catch (RuntimeException e) {
            // an outage must not fail the session nor brand a real deployment as invented: it stays unmarked
            LOG.warn("the deployments named in session {}'s report could not be checked; they stay unmarked",
                    session.sessionId(), e);
            ids.forEach(id -> out.put(id, Standing.UNCHECKED));
        }
        return out;
    }

    /** The deployments that could be meant: the one a full id names, and the organization's newest. */
    private List<JsonNode> recorded(Collection<String> ids, SessionFacts session) {
        if (list == null || get == null) {
            throw new IllegalStateException("the deployment tools are not available");
        }
        List<JsonNode> seen = new ArrayList<>();
        ids.stream().filter(id -> id.contains("-")).forEach(id -> data(get.run(Json.object()
                .put("deployment_id", id), session)).ifPresent(seen::add));
        ObjectNode args = Json.object().put("since", Instant.EPOCH.toString()).put("limit", PAGE);
        for (int page = 0; page < PAGES && !ids.stream().allMatch(id -> seen.stream().anyMatch(d -> names(d, id)));
                page++) {
            JsonNode found = data(list.run(args, session)).orElse(Json.MAPPER.createArrayNode());
            found.forEach(seen::add);
            if (found.size() < PAGE) {
                break;
            }
            Instant oldest = Instant.parse(found.get(found.size() - 1).path("created_at").asText());
            args.put("until", oldest.minusMillis(1).toString());
        }
        return seen;
    }

    private static Optional<JsonNode> data(ToolResult r) {
        if (r.status() == ToolResult.Status.ERROR) {
            throw new IllegalStateException(r.summary());
        }
        return r.status() == ToolResult.Status.OK ? Optional.of(r.data()) : Optional.empty();
    }

    /** Whether a deployment is the one an id names: by its id, or by its commit's SHA, short or long. */
    static boolean names(JsonNode deployment, String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        String sha = deployment.path("commit_sha").asText("").toLowerCase(Locale.ROOT);
        String own = deployment.path("id").asText("").toLowerCase(Locale.ROOT);
        return own.equals(wanted) || own.replace("-", "").startsWith(wanted)
                || !sha.isEmpty() && (sha.startsWith(wanted) || sha.length() >= 7 && wanted.startsWith(sha));
    }

    /** Whether the request or its logs name the id, so the model did not make it up. */
    private boolean inEvidence(String id, SessionFacts session) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (session.prompt() != null && session.prompt().toLowerCase(Locale.ROOT).contains(lower)) {
            return true;
        }
        JsonNode context = session.context() == null ? Json.MAPPER.nullNode() : session.context();
        for (JsonNode v : context) {
            // pasted logs are long text, searched below as the model read them
            if (v.isValueNode() && v.asText().length() <= MAX_FIELD_CHARS
                    && v.asText().toLowerCase(Locale.ROOT).contains(lower)) {
                return true;
            }
        }
        return search != null && search.run(Json.object().put("query", id).put("context_lines", 0)
                .put("max_matches", 1), session).status() == ToolResult.Status.OK;
    }
}
