package dev.missioncontrol.signals;

import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Organization;
import dev.missioncontrol.orgs.Project;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Stores a batch of pushed samples under their projects. A sample's {@code repository} label names the project
 * (registering it like a deployment event would, so a baseline can be pushed before the first deploy); otherwise its
 * {@code service} label is matched against the projects' service names (one that several projects share is refused);
 * with neither, the organization's only project is meant.
 */
public final class PushSignals {
    private final SignalStore store;
    private final Clock clock;

    /** What the 202 reports. */
    public record Accepted(int samples, int projects) {
    }

    public PushSignals(SignalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Stores a push, its samples gathered into series before the transaction ({@link PushedSeries#of}). */
    Accepted record(Handle h, Organization org, List<PushedSeries> pushed) {
        Instant now = clock.instant();
        Map<String, List<PushedSeries>> byProject = new LinkedHashMap<>();
        Map<String, Named> cache = new HashMap<>();
        SortedMap<Integer, FieldError> errors = new TreeMap<>();
        for (PushedSeries series : pushed) {
            Named named = project(h, org, series.labels(), cache, now);
            if (named.project() == null) {
                series.samples().forEach(i -> errors.put(i, new FieldError("/samples/" + i + "/labels"
                        + named.pointer(), "invalid", named.problem())));
                continue;
            }
            byProject.computeIfAbsent(named.project().id(), k -> new ArrayList<>()).add(series);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.values().stream().limit(50).toList());
        }
        int stored = 0;
        for (var project : byProject.entrySet()) {
            stored += store.insert(h, org.id(), project.getKey(), project.getValue(), now);
        }
        return new Accepted(stored, byProject.size());
    }

    /** The project a sample's labels name, or why they name none and which label is at fault. */
    private record Named(Project project, String pointer, String problem) {
        static final Named NONE = new Named(null, "", "names no project of this organization: add a repository "
                + "label (owner/name) or the service label of a project");

        static Named of(Optional<Project> p) {
            return p.map(found -> new Named(found, "", null)).orElse(NONE);
        }
    }

    private static Named project(Handle h, Organization org, Map<String, String> labels, Map<String, Named> cache,
            Instant now) {
        String repository = labels.get("repository");
        String service = labels.get("service");
        String key = repository != null ? "r:" + repository : service != null ? "s:" + service : "only";
        return cache.computeIfAbsent(key, k -> {
            if (repository != null) {
                return Named.of(OrgStore.findProjectByRepository(h, org.id(), repository)
                        .or(() -> register(h, org, repository, now)));
            }
            if (service != null) {
                return byService(OrgStore.findProjectsByService(h, org.id(), service), service);
            }
            List<Project> all = OrgStore.projects(h, org.id());
            return Named.of(all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty());
        });
    }

    /**
     * A service name two projects share (it defaults to a repository's last segment: acme/api and grp/sub/api) names
     * neither: picking one would put one service's samples under the other's deploys.
     */
    private static Named byService(List<Project> projects, String service) {
        if (projects.size() < 2) {
            return Named.of(projects.stream().findFirst());
        }
        String which = String.join(", ", projects.stream().map(Project::repositoryFullName).toList());
        return new Named(null, "/service", "service \"" + service + "\" names " + projects.size() + " projects ("
                + which + "): label the samples with repository (owner/name) instead");
    }

    private static Optional<Project> register(Handle h, Organization org, String repository, Instant now) {
        if (!org.autoRegisterProjects() || repository.length() > Project.MAX_REPOSITORY
                || !Project.REPOSITORY.matcher(repository).matches()) {
            return Optional.empty();
        }
        return Optional.of(OrgStore.insertProject(h, org.id(), repository, now));
    }
}
