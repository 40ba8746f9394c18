package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.alerts.AlertLabel;
import dev.missioncontrol.alerts.PastedAlerts;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The project an investigation is about: named by {@code context.repository_full_name}, or else by
 * {@code context.service} as the project's service name (the label pushed signals carry), or else by the service
 * the labels of the alerts pasted into the context agree on, so its metrics and deployments can be looked at. A
 * service name several projects share ({@code acme/api} and {@code grp/sub/api} are both "api") names none of
 * them: the oldest would be a guess, and its metrics would be reported as the service's. Those projects are kept,
 * so the timeline and the report can name them rather than leave the reader to find why none was chosen.
 */
record NamedProject(Optional<Project> project, String service, List<Project> sharing) {
    /** Repositories named in full; an organization of many same-named services gets a count for the rest. */
    private static final int NAMED = 5;

    static NamedProject in(Handle h, String orgId, JsonNode context) {
        String repo = context.path("repository_full_name").asText(null);
        if (repo != null) {
            return new NamedProject(OrgStore.findProjectByRepository(h, orgId, repo), null, List.of());
        }
        String service = context.path("service").asText(null);
        if (service == null || service.isBlank()) {
            service = PastedAlerts.in(context).service().map(AlertLabel::value).orElse(null);
        }
        if (service == null) {
            return new NamedProject(Optional.empty(), null, List.of());
        }
        List<Project> named = OrgStore.findProjectsByService(h, orgId, service.strip());
        return named.size() == 1 ? new NamedProject(Optional.of(named.getFirst()), service, List.of())
                : new NamedProject(Optional.empty(), service.strip(), named.size() > 1 ? named : List.of());
    }

    /** The timeline's words for a shared service name; empty when the name was not shared. */
    Optional<String> sharedNote() {
        if (sharing.isEmpty()) {
            return Optional.empty();
        }
        List<String> repos = sharing.stream().map(Project::repositoryFullName).toList();
        String listed = String.join(", ", repos.subList(0, Math.min(NAMED, repos.size())))
                + (repos.size() > NAMED ? " and " + (repos.size() - NAMED) + " more" : "");
        return Optional.of("The service name \"" + service + "\" belongs to " + repos.size() + " projects (" + listed
                + "), so the session looks at none of their metrics or deployments; context.repository_full_name "
                + "names one of them");
    }

    /** The status event's data: still active, with every repository that shares the name. */
    ObjectNode sharedData() {
        ObjectNode data = Json.object().put("status", "active");
        ArrayNode repos = data.putArray(SessionService.SERVICE_SHARED_BY);
        sharing.forEach(p -> repos.add(p.repositoryFullName()));
        return data;
    }
}
