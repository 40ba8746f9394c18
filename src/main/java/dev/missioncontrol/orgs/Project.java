package dev.missioncontrol.orgs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.regex.Pattern;

/** A service the organization deploys; {@code repositoryFullName} is its {@code owner/name}. */
public record Project(String id, String orgId, String repositoryFullName, String serviceName, JsonNode settings,
        Instant createdAt) {
    /** One part of a repository's path: no part is only dots, which would read as "this" or "up" in a path. */
    private static final String SEGMENT = "(?!\\.+(?:/|$))[A-Za-z0-9_.-]+";

    /**
     * What {@code repository_full_name} must look like, in the API and on the settings page alike: owner/name, where
     * the owner may be a GitLab group with subgroups (group/sub/name), so that two subgroups' projects of one name
     * stay two projects.
     */
    public static final Pattern REPOSITORY = Pattern.compile(SEGMENT + "(?:/" + SEGMENT + ")+");
    public static final int MAX_REPOSITORY = 255;

    /** The name part of {@code owner/name}, which is the default service name signals are matched by. */
    public static String defaultServiceName(String repositoryFullName) {
        return repositoryFullName.substring(repositoryFullName.lastIndexOf('/') + 1);
    }
}
