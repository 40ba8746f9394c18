package dev.missioncontrol.tools.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.logs.TemplateSummary;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.tools.logs.GuardedText;
import dev.missioncontrol.tools.logs.LogFilter;
import dev.missioncontrol.tools.logs.MinedLogs;
import dev.missioncontrol.tools.logs.MinedSource;
import dev.missioncontrol.tools.logs.Suspects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code match_known_issues}: compares the suspicious templates of the session's logs (or a given text) with the
 * catalogue of failure signatures. Only templates that read as trouble or are rare are compared, so a number that
 * happens to be 429 in an ordinary line does not raise a rate-limit alarm.
 */
public final class MatchKnownIssues implements Tool {
    static final int MAX_EVIDENCE = 5;
    /** Signatures sit near the start of a line; past this a long text only costs matching time. */
    static final int MAX_TEXT_CHARS = 16_384;
    /** Time for one call: a user-supplied pattern may backtrack without end, as a search pattern may. */
    static final Duration BUDGET = Duration.ofSeconds(5);

    private final MinedLogs mined;
    private final KnownIssues catalogue;

    public MatchKnownIssues(MinedLogs mined, KnownIssues catalogue) {
        this.mined = mined;
        this.catalogue = catalogue;
    }

    /** One issue with the templates that showed it: all their ids, the first few quoted. */
    private record Match(KnownIssue issue, int specificity, long count, List<String> templateIds,
                         List<ObjectNode> evidence) {
    }

    @Override
    public String name() {
        return "match_known_issues";
    }

    @Override
    public String description() {
        return "Match the session's error and rare log templates (or the given text) against known failure "
                + "signatures (database timeout, pool exhaustion, OOM, 429, TLS expiry, DNS, disk full, crash loop, "
                + "…); each match has a diagnosis, a remediation and the evidence lines.";
    }

    @Override
    public JsonNode schema() {
        ObjectNode s = Json.object().put("type", "object");
        s.putObject("properties").putObject("text").put("type", "string")
                .put("description", "match this text instead of the session's logs (its first "
                        + MAX_TEXT_CHARS + " characters)");
        return s;
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        Map<String, Match> found = new LinkedHashMap<>();
        String stopped = "";
        try {
            match(found, args, session, System.nanoTime() + BUDGET.toNanos());
        } catch (GuardedText.OutOfTime e) {
            stopped = "; matching stopped after " + BUDGET.toSeconds() + " s, so some text was not compared";
        }
        if (found.isEmpty()) {
            return ToolResult.noData("no known issue matches (" + catalogue.all().size() + " signatures checked"
                    + stopped + ")");
        }
        List<Match> ranked = new ArrayList<>(found.values());
        ranked.sort(Comparator.comparingInt(Match::specificity).thenComparingLong(Match::count).reversed());
        ArrayNode list = Json.MAPPER.createArrayNode();
        ranked.forEach(m -> list.add(toJson(m)));
        return ToolResult.ok(ranked.size() + " known issues match; strongest: " + ranked.get(0).issue().title()
                + stopped, Json.object().put("complete", stopped.isEmpty())
                .put("signatures_checked", catalogue.all().size()).set("matches", list));
    }

    private void match(Map<String, Match> found, JsonNode args, SessionFacts session, long deadline) {
        String text = args == null ? null : args.path("text").asText(null);
        if (text != null && !text.isBlank()) {
            String head = head(text);
            consider(found, new GuardedText(head, deadline), 1,
                    Json.object().put("source", "args.text").put("text", Redactor.redact(head)));
            return;
        }
        for (MinedSource s : mined.of(session, LogFilter.NONE)) {
            for (TemplateSummary t : Suspects.in(s)) {
                consider(found, new GuardedText(head(t.template() + "\n" + t.sample()), deadline), t.count(),
                        evidence(s, t));
            }
        }
    }

    private static String head(String text) {
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }

    private void consider(Map<String, Match> found, CharSequence text, long count, ObjectNode evidence) {
        for (KnownIssue issue : catalogue.all()) {
            int n = issue.specificity(text);
            if (n == 0) {
                continue;
            }
            Match m = found.computeIfAbsent(issue.id(), id -> new Match(issue, 0, 0, new ArrayList<>(),
                    new ArrayList<>()));
            if (evidence.hasNonNull("template_id")) {
                m.templateIds().add(evidence.get("template_id").asText());
            }
            if (m.evidence().size() < MAX_EVIDENCE) {
                m.evidence().add(evidence);
            }
            found.put(issue.id(), new Match(issue, Math.max(m.specificity(), n), m.count() + count, m.templateIds(),
                    m.evidence()));
        }
    }

    private static ObjectNode evidence(MinedSource s, TemplateSummary t) {
        return Json.object().put("template_id", s.idOf(t.id())).put("source", s.name()).put("line", t.firstLineNo())
                .put("timestamp", t.firstSeen() == null ? null : t.firstSeen().toString()).put("count", t.count())
                .put("level", t.mainLevel()).put("text", Suspects.quote(s, t));
    }

    private static ObjectNode toJson(Match m) {
        KnownIssue i = m.issue();
        ObjectNode o = Json.object().put("id", i.id()).put("title", i.title()).put("diagnosis", i.diagnosis())
                .put("remediation", i.remediation()).put("specificity", m.specificity()).put("count", m.count());
        i.causedBy().forEach(o.putArray("caused_by")::add);
        // every template, not only the quoted few: a brute force spreads over many, and each is this issue's
        m.templateIds().forEach(o.putArray("template_ids")::add);
        o.putArray("evidence").addAll(m.evidence());
        return o;
    }
}
