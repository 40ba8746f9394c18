package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.sessions.SessionService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tools have answered so far in this session, read back from the timeline: the log analysis, the
 * searches, the known-issue matches and the deployments. Rebuilt at every step, so the brain keeps no state.
 */
final class Observations {
    final Request request;
    final List<LogSourceStats> sources = new ArrayList<>();
    final List<LogTemplate> templates = new ArrayList<>();
    final List<SearchOutcome> searches = new ArrayList<>();
    final List<JsonNode> searchArgs = new ArrayList<>();
    final List<KnownIssueMatch> issues = new ArrayList<>();
    final List<DeploymentSeen> deployments = new ArrayList<>();
    final List<MetricMove> metricMoves = new ArrayList<>();
    /** Metrics that moved at the first bad line, but no further than they often did before. */
    final List<MetricMove> ordinaryMoves = new ArrayList<>();
    JsonNode analysis;
    JsonNode deploymentWindow;
    boolean analyzed;
    boolean issuesChecked;
    boolean deploymentsChecked;
    /** Whether every service's deployments around the first bad line were listed after the named repository's. */
    boolean otherServicesChecked;
    /** Why listing every service's deployments failed, or null. */
    String otherServicesProblem;
    String deploymentsProblem;
    /** Whether the session has a project, so that metrics can be compared at all. */
    boolean hasProject;
    /** The repositories whose projects share the service name the request gave, when it named several. */
    final List<String> serviceSharedBy = new ArrayList<>();
    /** When the question was asked (the session's creation). */
    Instant asked;
    boolean metricsChecked;
    String metricsProblem;
    int metricsCompared;
    int signatures;
    int findingsRecorded;

    private Observations(Request request) {
        this.request = request;
    }

    static Observations from(History h) {
        Observations o = new Observations(Request.of(h.session()));
        o.hasProject = h.session().projectId() != null;
        o.asked = h.session().createdAt();
        Map<Long, JsonNode> args = new HashMap<>();
        for (Entry e : h.entries()) {
            if (e.is("tool_call")) {
                args.put(e.seq(), e.data().path("args"));
            } else if (e.is("tool_result")) {
                o.read(e, args.getOrDefault(e.data().path("call_seq").asLong(), e.data()));
            } else if (e.is("finding")) {
                o.findingsRecorded++;
            } else if (e.is("status")) {
                e.data().path(SessionService.SERVICE_SHARED_BY).forEach(r -> o.serviceSharedBy.add(r.asText()));
            }
        }
        return o;
    }

    private void read(Entry e, JsonNode args) {
        JsonNode data = e.data().path("data");
        String status = e.data().path("status").asText();
        switch (e.data().path("tool").asText()) {
            case "analyze_logs" -> readAnalysis(data);
            case "search_logs" -> {
                searchArgs.add(args);
                if (!"error".equals(status)) {
                    searches.add(SearchOutcome.from(args, data, request.isTerm(args.path("query").asText())));
                }
            }
            case "match_known_issues" -> {
                issuesChecked = true;
                signatures = data.path("signatures_checked").asInt();
                issues.addAll(Views.list(data.get("matches"), KnownIssueMatch::from));
            }
            case "list_deployments" -> {
                if (deploymentsChecked) {
                    readOtherServices(data, status, e.text());
                    return;
                }
                deploymentsChecked = true;
                deploymentWindow = args;
                deploymentsProblem = "error".equals(status) ? e.text() : null;
                deployments.addAll(Views.list(data, DeploymentSeen::from));
            }
            case "compare_windows" -> readMetrics(e, data, status);
            default -> {
                // other tools' results are not part of this playbook
            }
        }
    }

    /** The second list, of every service's deployments around the first bad line: those not already listed. */
    private void readOtherServices(JsonNode data, String status, String problem) {
        otherServicesChecked = true;
        otherServicesProblem = "error".equals(status) ? problem : null;
        if (!"error".equals(status)) {
            Set<String> listed = deployments.stream().map(DeploymentSeen::id).collect(Collectors.toSet());
            Views.list(data, DeploymentSeen::from).stream().filter(d -> !listed.contains(d.id()))
                    .forEach(deployments::add);
        }
    }

    private void readMetrics(Entry e, JsonNode data, String status) {
        metricsChecked = true;
        if (!"ok".equals(status)) {
            metricsProblem = e.text();
            return;
        }
        JsonNode metrics = data.path("check").path("metrics");
        metricsCompared = metrics.size();
        metrics.forEach(m -> {
            if (m.path("failing").asBoolean()) {
                metricMoves.add(MetricMove.from(m));
            } else if (MetricMove.ordinary(m)) {
                ordinaryMoves.add(MetricMove.from(m));
            }
        });
    }

    private void readAnalysis(JsonNode data) {
        if (analyzed) {
            return; // the first, unfiltered analysis is the one the playbook reasons from
        }
        analyzed = true;
        analysis = data;
        sources.addAll(Views.list(data.get("sources"), LogSourceStats::from));
        templates.addAll(Views.list(data.get("templates"), LogTemplate::from));
    }

    List<LogTemplate> problems() {
        return templates.stream().filter(LogTemplate::isProblem).toList();
    }

    LogTemplate template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    LogSourceStats source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The strongest known issue that matched this template, or null. */
    KnownIssueMatch issueFor(LogTemplate t) {
        return issues.stream().filter(i -> i.templateIds().contains(t.id())).findFirst().orElse(null);
    }

    List<TrendSeen> trends() {
        return analysis == null ? List.of() : Views.list(analysis.get("trends"), TrendSeen::from);
    }

    /** Whether the request carried the service's own logs, rather than only other captured output. */
    boolean hasServiceLogs() {
        return sources.stream().map(LogSourceStats::name)
                .anyMatch(n -> n.equals("context.logs") || n.startsWith("context.logs."));
    }

    long events() {
        return sources.stream().mapToLong(LogSourceStats::events).sum();
    }

    boolean searched(String query) {
        return searchArgs.stream().anyMatch(a -> a.path("query").asText().equalsIgnoreCase(query));
    }
}
