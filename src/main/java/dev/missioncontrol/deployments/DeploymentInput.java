package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated deployment event, exactly the [seed] fields of API.md. Unknown fields never get this far. */
public record DeploymentInput(String deploymentRequest, String repositoryFullName, String status, String externalUrl,
        String commitSha, String commitMessage, String ref, ObjectNode eventMetadata) {

    public static final Set<String> STATUSES =
            new LinkedHashSet<>(List.of("pending", "running", "success", "failure", "cancelled"));
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{4,64}");
    private static final List<String> BLANK_MEANS_ABSENT = List.of("external_url", "commit_sha", "commit_message",
            "ref");

    public static DeploymentInput from(JsonNode sent) {
        JsonNode body = withBlanksDropped(withRunUrlRepaired(sent));
        Validator v = new Validator(body);
        DeploymentInput input = new DeploymentInput(
                v.requiredText("deployment_request", 2_000),
                v.optionalMatching("repository_full_name", Project.MAX_REPOSITORY, Project.REPOSITORY,
                        "must be owner/name (a GitLab subgroup's project: group/subgroup/name)"),
                v.optionalOneOf("status", STATUSES, "success"),
                v.optionalMatching("external_url", 2_048, Validator.HTTP_URL, "must be an http(s) URL"),
                v.optionalMatching("commit_sha", 64, SHA, "must be 4 to 64 hexadecimal characters"),
                v.optionalText("commit_message", 10_000),
                v.optionalText("ref", 255),
                metadata(body.get("event_metadata")));
        v.check();
        return input;
    }

    /**
     * The optional fields a CI template fills from variables that may be unset ({@code "commit_sha": "$SHA"}): sent
     * blank, they mean "not given", as null does, rather than failing the pipeline's deploy step with a 422. The
     * repository and status are not among them: a blank one would record the deploy against nothing, or as a success.
     */
    private static JsonNode withBlanksDropped(JsonNode body) {
        ObjectNode copy = null;
        for (String field : BLANK_MEANS_ABSENT) {
            JsonNode v = body.get(field);
            if (v != null && v.isTextual() && v.asText().isBlank()) {
                copy = copy != null ? copy : (ObjectNode) body.deepCopy();
                copy.remove(field);
            }
        }
        return copy != null ? copy : body;
    }

    private static JsonNode withRunUrlRepaired(JsonNode body) {
        JsonNode url = body.get("external_url");
        JsonNode repository = body.get("repository_full_name");
        if (url == null || !url.isTextual() || repository == null || !repository.isTextual()) {
            return body;
        }
        String repaired = ActionRunUrl.repaired(url.asText(), repository.asText());
        return repaired.equals(url.asText()) ? body : ((ObjectNode) body.deepCopy()).put("external_url", repaired);
    }

    /**
     * The official Action sends its metadata input as a plain string when it is not valid JSON, so anything that is
     * not an object is kept as {"value": …} instead of being refused.
     */
    static ObjectNode metadata(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return Json.object();
        }
        if (raw.isObject()) {
            return (ObjectNode) raw;
        }
        ObjectNode wrapped = Json.object();
        wrapped.set("value", raw);
        return wrapped;
    }
}
