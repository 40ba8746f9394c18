package dev.missioncontrol.tools.deploys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.deployments.Deployment;
import dev.missioncontrol.deployments.DeploymentQuery;
import dev.missioncontrol.deployments.DeploymentStore;
import dev.missioncontrol.monitor.DeployStatus;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.tools.ToolArgs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The deployment tools: what landed when, with its commit. Read-only, and limited to the session's organization. */
public final class DeploymentTools {
    private DeploymentTools() {
    }

    public static List<Tool> all(DeploymentStore store, Clock clock) {
        return List.of(new ListDeployments(store, clock), new GetDeployment(store));
    }

    static ObjectNode describe(Deployment d) {
        ObjectNode o = Json.object().put("id", d.id()).put("repository_full_name", d.repositoryFullName())
                .put("status", d.status()).put("created_at", d.createdAt().toString())
                .put("deployment_request", d.deploymentRequest()).put("commit_sha", d.commitSha())
                .put("commit_message", d.commitMessage()).put("ref", d.ref()).put("external_url", d.externalUrl())
                .put("session_id", d.sessionId());
        o.set("event_metadata", d.eventMetadata());
        return o;
    }

    static String oneLine(Deployment d) {
        String sha = d.commitSha() == null ? "" : " " + d.commitSha().substring(0, Math.min(7, d.commitSha().length()));
        return d.repositoryFullName() + sha + " (" + d.status() + ") at " + d.createdAt();
    }

    /** {@code list_deployments}: the organization's deployments in a window, newest first. */
    static final class ListDeployments implements Tool {
        private final DeploymentStore store;
        private final Clock clock;

        ListDeployments(DeploymentStore store, Clock clock) {
            this.store = store;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "list_deployments";
        }

        @Override
        public String description() {
            return "List deployments in a time window (default: the last 24 hours), newest first, optionally for "
                    + "one repository.";
        }

        @Override
        public JsonNode schema() {
            ObjectNode s = ToolArgs.windowSchema();
            ObjectNode p = (ObjectNode) s.get("properties");
            p.putObject("repository").put("type", "string").put("description", "owner/name");
            p.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", 100);
            return s;
        }

        @Override
        public ToolResult run(JsonNode args, SessionFacts session) {
            Instant until = ToolArgs.time(args, "until", clock.instant());
            Instant since = ToolArgs.time(args, "since", until.minus(Duration.ofHours(24)));
            int limit = Math.max(1, Math.min(100, args.path("limit").asInt(50)));
            String repo = args.path("repository").asText(null);
            List<Deployment> found = store.list(new DeploymentQuery(session.orgId(), repo, null, since,
                    until.plusMillis(1), null, limit));
            if (found.isEmpty()) {
                return ToolResult.noData("no deployments between " + since + " and " + until);
            }
            ArrayNode list = Json.MAPPER.createArrayNode();
            found.forEach(d -> list.add(describe(d)));
            return ToolResult.ok(found.size() + " deployments; newest " + oneLine(found.get(0)), list);
        }
    }

    /**
     * The session's event that finished the rollout (the newest one, unless it is only a cancel after the rollout
     * finished: {@link DeployStatus#replaces}), or its newest event while none has.
     */
    static Optional<Deployment> watched(List<Deployment> events) {
        Optional<Deployment> finished = events.stream().filter(d -> DeployStatus.finished(d.status()))
                .reduce((earlier, later) -> DeployStatus.replaces(later.status(), earlier.status()) ? later : earlier);
        return finished.isPresent() ? finished : events.stream().reduce((a, b) -> b);
    }

    /** {@code get_deployment}: one deployment (default: this session's latest event) and the one before it. */
    static final class GetDeployment implements Tool {
        /**
         * How far back a repeat of the same commit is traced to its first deploy. Further back, the minutes before
         * that deploy say less about the service than the minutes before the repeat.
         */
        static final Duration LIVE_SINCE_LOOKBACK = Duration.ofHours(12);
        private final DeploymentStore store;

        GetDeployment(DeploymentStore store) {
            this.store = store;
        }

        @Override
        public String name() {
            return "get_deployment";
        }

        @Override
        public String description() {
            return "Get one deployment with its commit, and the previous deployment of the same project. Without "
                    + "an id, the deployment this session watches.";
        }

        @Override
        public JsonNode schema() {
            ObjectNode s = Json.object().put("type", "object");
            s.putObject("properties").putObject("deployment_id").put("type", "string");
            return s;
        }

        @Override
        public ToolResult run(JsonNode args, SessionFacts session) {
            String id = args.path("deployment_id").asText(null);
            var found = id != null ? store.find(session.orgId(), id) : watched(store.forSession(session.sessionId()));
            if (found.isEmpty()) {
                return ToolResult.noData(id == null ? "this session has no deployment" : "no deployment " + id);
            }
            Deployment d = found.get();
            ObjectNode data = describe(d);
            store.forProject(session.orgId(), d.projectId(), Instant.EPOCH, d.createdAt().minusMillis(1), 1)
                    .stream().findFirst().ifPresent(prev -> data.set("previous", describe(prev)));
            if ("success".equals(d.status())) {
                store.liveSince(d, LIVE_SINCE_LOOKBACK).ifPresent(first -> data.set("live_since", describe(first)
                        .set("verdict", first.verdict())));
                store.rolloutStart(d).ifPresent(at -> data.put("rollout_started_at", at.toString()));
            }
            return ToolResult.ok(oneLine(d), data);
        }
    }
}
