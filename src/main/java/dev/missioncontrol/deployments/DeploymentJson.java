package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.store.WireTime;

/** The API's view of a deployment. */
final class DeploymentJson {
    private DeploymentJson() {
    }

    static ObjectNode of(Deployment d) {
        ObjectNode o = Json.object().put("id", d.id()).put("status", d.status())
                .put("created_at", WireTime.format(d.createdAt()))
                .put("repository_full_name", d.repositoryFullName())
                .put("deployment_request", d.deploymentRequest())
                .put("external_url", d.externalUrl()).put("commit_sha", d.commitSha())
                .put("commit_message", d.commitMessage()).put("ref", d.ref());
        o.set("event_metadata", d.eventMetadata());
        o.put("agent_session_id", d.sessionId()).put("agent_session_url", "/agents/" + d.sessionId());
        o.set("verdict", verdict(d.verdict()));
        return o;
    }

    static ObjectNode detail(Deployment d) {
        ObjectNode o = of(d);
        o.putObject("project").put("id", d.projectId()).put("repository_full_name", d.repositoryFullName());
        return o;
    }

    /** Until the monitor has judged, the verdict is pending. */
    static JsonNode verdict(JsonNode stored) {
        if (stored != null && !stored.isNull()) {
            return stored;
        }
        ObjectNode pending = Json.object().put("state", "pending").putNull("score");
        pending.putArray("checks");
        pending.putNull("decided_at");
        return pending;
    }
}
