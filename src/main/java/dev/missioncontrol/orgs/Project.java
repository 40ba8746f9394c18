package dev.missioncontrol.orgs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A service the organization deploys; {@code repositoryFullName} is its {@code owner/name}. */
public record Project(String id, String orgId, String repositoryFullName, String serviceName, JsonNode settings,
        Instant createdAt) {

    /** The name part of {@code owner/name}, which is the default service name signals are matched by. */
    public static String defaultServiceName(String repositoryFullName) {
        int slash = repositoryFullName.indexOf('/');
        return slash >= 0 ? repositoryFullName.substring(slash + 1) : repositoryFullName;
    }
}
