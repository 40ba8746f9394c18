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
import org.jdbi.v3.core.Handle;

/**
 * Stores a batch of pushed samples under their projects. A sample's {@code repository} label names the project
 * (registering it like a deployment event would, so a baseline can be pushed before the first deploy); otherwise its
 * {@code service} label is matched against the projects' service names; with neither, the organization's only
 * project is meant.
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

    public Accepted record(Handle h, Organization org, List<Sample> samples) {
        Instant now = clock.instant();
        Map<String, List<Sample>> byProject = new LinkedHashMap<>();
        Map<String, Project> cache = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Optional<Project> p = project(h, org, samples.get(i).labels(), cache, now);
            if (p.isEmpty()) {
                errors.add(new FieldError("/samples/" + i + "/labels", "invalid", "names no project of this "
                        + "organization: add a repository label (owner/name) or the service label of a project"));
                continue;
            }
            byProject.computeIfAbsent(p.get().id(), k -> new ArrayList<>()).add(samples.get(i));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.subList(0, Math.min(50, errors.size())));
        }
        byProject.forEach((projectId, list) -> store.insert(h, org.id(), projectId, list, now));
        return new Accepted(samples.size(), byProject.size());
    }

    private static Optional<Project> project(Handle h, Organization org, Map<String, String> labels,
            Map<String, Project> cache, Instant now) {
        String repository = labels.get("repository");
        String service = labels.get("service");
        String key = repository != null ? "r:" + repository : service != null ? "s:" + service : "only";
        if (cache.containsKey(key)) {
            return Optional.of(cache.get(key));
        }
        Optional<Project> found;
        if (repository != null) {
            found = OrgStore.findProjectByRepository(h, org.id(), repository).or(() -> register(h, org, repository, now));
        } else if (service != null) {
            found = OrgStore.findProjectByService(h, org.id(), service);
        } else {
            List<Project> all = OrgStore.projects(h, org.id());
            found = all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        }
        found.ifPresent(p -> cache.put(key, p));
        return found;
    }

    private static Optional<Project> register(Handle h, Organization org, String repository, Instant now) {
        if (!org.autoRegisterProjects() || repository.length() > Project.MAX_REPOSITORY
                || !Project.REPOSITORY.matcher(repository).matches()) {
            return Optional.empty();
        }
        return Optional.of(OrgStore.insertProject(h, org.id(), repository, now));
    }
}
