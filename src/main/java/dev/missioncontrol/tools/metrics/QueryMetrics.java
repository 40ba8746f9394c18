package dev.missioncontrol.tools.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.signals.Series;
import dev.missioncontrol.signals.SignalScope;
import dev.missioncontrol.signals.Signals;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.ToolArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Optional;

/** {@code query_metrics}: the session's project's metrics over a window, each summarised in a few numbers. */
final class QueryMetrics implements Tool {
    private final Signals signals;
    private final OrgStore orgs;
    private final Clock clock;

    QueryMetrics(Signals signals, OrgStore orgs, Clock clock) {
        this.signals = signals;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "query_metrics";
    }

    @Override
    public String description() {
        return "Summarise the project's metrics (Prometheus or pushed signals) over a window, default the last hour: "
                + "points, mean, min, max, first and last value.";
    }

    @Override
    public JsonNode schema() {
        ObjectNode s = ToolArgs.windowSchema();
        ObjectNode p = (ObjectNode) s.get("properties");
        p.putObject("metric").put("type", "string").put("description", "one metric name (a pushed counter's, such "
                + "as http_errors_total, is rate(http_errors_total)); default all");
        return s;
    }

    @Override
    public ToolResult run(JsonNode args, SessionFacts session) {
        Optional<SignalScope> scope = MetricTools.scope(orgs, session);
        if (scope.isEmpty()) {
            return ToolResult.error("this session has no project, so it has no metrics");
        }
        Instant until = ToolArgs.time(args, "until", clock.instant());
        Instant since = ToolArgs.time(args, "since", until.minus(Duration.ofHours(1)));
        String only = args.path("metric").asText(null);
        Signals.Fetched fetched = signals.fetch(scope.get(), since, until.plusMillis(1), CheckDeadline.capped(clock));
        List<Series> series = fetched.series().stream()
                .filter(s -> only == null || s.name().equals(only)).filter(s -> !s.points().isEmpty()).toList();
        if (series.isEmpty()) {
            String why = fetched.problems().isEmpty() ? "" : " (" + String.join("; ", fetched.problems()) + ")";
            return ToolResult.noData("no metric data between " + since + " and " + until + why);
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        series.forEach(s -> out.add(summary(s)));
        return ToolResult.ok(series.size() + " metrics between " + since + " and " + until, out);
    }

    private static ObjectNode summary(Series s) {
        DoubleSummaryStatistics stats = s.points().stream().mapToDouble(Series.Point::value).summaryStatistics();
        List<Series.Point> p = s.points();
        return Json.object().put("name", s.name()).put("points", stats.getCount()).put("mean", stats.getAverage())
                .put("min", stats.getMin()).put("max", stats.getMax())
                .put("first_at", p.get(0).at().toString()).put("first", p.get(0).value())
                .put("last_at", p.get(p.size() - 1).at().toString()).put("last", p.get(p.size() - 1).value());
    }
}
