package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.logs.LogRecord;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Locale;

/** {@code search_logs}: a term or regex over the session's logs, with neighbouring lines and hits grouped. */
public final class SearchLogs implements Tool {
    static final int MAX_GROUPS = 20;

    @Override
    public String name() {
        return "search_logs";
    }

    @Override
    public String description() {
        return "Search the session's logs for a term (or a regex with regex=true); a term of digits alone matches "
                + "that whole number only (502 does not match 5021). Returns line numbers, timestamps "
                + "and raw lines with context_lines around each hit (first max_matches hits, or the newest with "
                + "last=true), and all hits grouped by template.";
    }

    @Override
    public JsonNode schema() {
        ObjectNode s = Json.object().put("type", "object");
        s.putArray("required").add("query");
        ObjectNode p = s.putObject("properties");
        p.putObject("query").put("type", "string");
        p.putObject("regex").put("type", "boolean");
        p.putObject("case_sensitive").put("type", "boolean");
        p.putObject("context_lines").put("type", "integer").put("minimum", 0).put("maximum", SearchQuery.MAX_CONTEXT);
        p.putObject("max_matches").put("type", "integer").put("minimum", 1).put("maximum", SearchQuery.MAX_MATCHES);
        p.putObject("last").put("type", "boolean").put("description", "keep the newest hits instead of the first");
        p.putObject("source").put("type", "string").put("description", "only sources whose name contains this");
        return s;
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        SearchQuery query;
        try {
            query = SearchQuery.from(args);
        } catch (IllegalArgumentException e) {
            return ToolResult.error(e.getMessage());
        }
        List<LogSource> all = LogSource.in(session.context());
        List<LogSource> sources = all.stream()
                .filter(s -> query.source() == null || s.name().contains(query.source())).toList();
        if (sources.isEmpty()) {
            return ToolResult.noData(all.isEmpty() ? "no logs in the session's context to search"
                    : "no log source's name contains '" + query.source() + "'; the sources are "
                    + String.join(", ", all.stream().map(LogSource::name).toList()));
        }
        LineSearch search = new LineSearch(query, session.createdAt(), SourceZones.of(all, session.createdAt()));
        sources.forEach(search::scan);
        ObjectNode data = toJson(query, search);
        String summary = String.format(Locale.ROOT, "%,d %s '%s'%s in %,d lines searched%s", search.total,
                search.total == 1 ? "line matches" : "lines match", query.shown(),
                query.matching() == SearchQuery.Matching.WHOLE_NUMBER ? " as a whole number" : "", search.lines,
                search.outOfTime ? " (stopped at the time limit)" : "")
                + (search.total == 0 ? "; values masked as secrets are not searched" : "");
        return search.total == 0 ? new ToolResult(ToolResult.Status.NO_DATA, summary, data)
                : ToolResult.ok(summary, data);
    }

    private static ObjectNode toJson(SearchQuery query, LineSearch search) {
        ObjectNode o = Json.object().put("query", query.text())
                .put("regex", query.matching() == SearchQuery.Matching.REGEX)
                .put("whole_number", query.matching() == SearchQuery.Matching.WHOLE_NUMBER)
                .put("total_matches", search.total).put("lines_searched", search.lines)
                .put("newest", query.newest()).put("out_of_time", search.outOfTime)
                .put("truncated", search.total > search.hits().size());
        ArrayNode searched = o.putArray("sources_searched");
        search.searched.forEach(searched::add);
        ArrayNode matches = o.putArray("matches");
        search.hits().forEach(h -> matches.add(hit(h, query.contextLines())));
        ArrayNode groups = o.putArray("groups");
        for (MatchGroups.Group g : search.groups.groups().stream().limit(MAX_GROUPS).toList()) {
            groups.add(line(g.source(), g.first(), g.shown()).put("template",
                    TemplateJson.template(search.groups.template(g.id()), g.first().raw(), g.shown()))
                    .put("count", g.count()));
        }
        return o;
    }

    /**
     * A hit and its neighbours are redacted together, in order, so a private key split across them is masked; the
     * search keeps more neighbours than asked for when the redactor needs them, and only those asked for are shown.
     */
    private static ObjectNode hit(LineSearch.Hit h, int context) {
        List<String> redacted = Redactor.redactLines(h.texts(LineSearch.SCAN_CHARS));
        int at = h.before.size();
        int from = Math.max(0, at - context);
        int to = Math.min(redacted.size(), at + 1 + context);
        ObjectNode m = line(h.source, h.record, redacted.get(at));
        m.set("before", lines(h.before.subList(from, at), redacted.subList(from, at)));
        m.set("after", lines(h.after.subList(0, to - at - 1), redacted.subList(at + 1, to)));
        return m;
    }

    private static ObjectNode line(String source, LogRecord r, String redacted) {
        return Json.object().put("source", source).put("line", r.lineNo())
                .put("timestamp", TemplateJson.time(r.timestamp())).put("level", r.level())
                .put("text", TemplateJson.cut(redacted));
    }

    private static ArrayNode lines(List<LineSearch.Line> lines, List<String> redacted) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int i = 0; i < lines.size(); i++) {
            a.add(Json.object().put("line", lines.get(i).no()).put("text", TemplateJson.cut(redacted.get(i))));
        }
        return a;
    }
}
