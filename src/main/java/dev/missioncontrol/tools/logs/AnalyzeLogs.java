package dev.missioncontrol.tools.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.tools.ToolArgs;
import java.util.List;
import java.util.Locale;

/** {@code analyze_logs}: mines the session's logs into templates and what changed in them. */
public final class AnalyzeLogs implements Tool {
    private final MinedLogs mined;

    public AnalyzeLogs(MinedLogs mined) {
        this.mined = mined;
    }

    @Override
    public String name() {
        return "analyze_logs";
    }

    @Override
    public String description() {
        return "Mine the session's logs (context.logs, tool outputs) into templates with counts, levels, first and "
                + "last seen, rare patterns, exception groups, a time histogram, bursts, rate changes and numeric "
                + "trends. Optional filters: service, since, until, level.";
    }

    @Override
    public JsonNode schema() {
        return filterSchema();
    }

    static ObjectNode filterSchema() {
        ObjectNode s = ToolArgs.windowSchema();
        ObjectNode p = (ObjectNode) s.get("properties");
        p.putObject("service").put("type", "string").put("description", "only events of this component");
        p.putObject("level").put("type", "string").put("description", "minimum level, e.g. WARN or ERROR");
        return s;
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        List<MinedSource> sources = mined.of(session, LogFilter.from(args));
        long events = sources.stream().mapToLong(s -> s.analysis().events()).sum();
        if (events == 0) {
            return ToolResult.noData(sources.isEmpty() ? "no logs in the session's context"
                    : "no log events in " + sources.size() + " sources" + (args.size() > 0 ? " for " + args : ""));
        }
        ObjectNode data = AnalysisJson.of(sources);
        long problems = 0;
        for (JsonNode t : data.get("templates")) {
            problems += t.path("problem").isTextual() ? 1 : 0;
        }
        long errors = sources.stream().mapToLong(s -> s.analysis().errors()).sum();
        long templates = sources.stream().mapToLong(s -> s.analysis().templates().size()).sum();
        long loose = sources.stream().mapToLong(s -> s.analysis().catchAllEvents()).sum();
        String summary = String.format(Locale.ROOT, "%,d events in %d source%s, %,d templates%s; %,d errors; "
                + "%d problem templates", events, sources.size(), sources.size() == 1 ? "" : "s", templates,
                loose == 0 ? "" : String.format(Locale.ROOT, " (%,d events in catch-all templates)", loose), errors,
                problems);
        return ToolResult.ok(summary, data);
    }
}
