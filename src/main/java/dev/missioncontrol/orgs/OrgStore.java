package dev.missioncontrol.orgs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Ids;
import dev.missioncontrol.store.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Organizations and their projects. */
public final class OrgStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public OrgStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Organization createOrg(String name) {
        Organization org = new Organization(Ids.newId(clock), name, true, clock.instant());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO organizations (id, name, auto_register_projects, created_at) "
                        + "VALUES (:id, :name, :auto, :at)")
                .bind("id", org.id()).bind("name", name).bind("auto", true).bind("at", org.createdAt().toEpochMilli())
                .execute());
        return org;
    }

    /**
     * The organization a name means, whatever its letter case: {@code --org Acme} and {@code --org acme} name one
     * organization, so a second cannot be created beside it. Where two were created before that rule, the exact
     * spelling wins, then the oldest.
     */
    public Optional<Organization> findOrgByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organizations WHERE LOWER(name) = LOWER(:name) "
                        + "ORDER BY CASE WHEN name = :name THEN 0 ELSE 1 END, created_at LIMIT 1")
                .bind("name", name).map(OrgStore::org).findOne());
    }

    public Optional<Organization> findOrg(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organizations WHERE id = :id")
                .bind("id", id).map(OrgStore::org).findOne());
    }

    public boolean anyOrg() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM organizations").mapTo(Long.class).one()) > 0;
    }

    public void setAutoRegister(String orgId, boolean on) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE organizations SET auto_register_projects = :on WHERE id = :id")
                .bind("on", on).bind("id", orgId).execute());
    }

    public List<Project> projects(String orgId) {
        return jdbi.withHandle(h -> projects(h, orgId));
    }

    public static List<Project> projects(Handle h, String orgId) {
        return h.createQuery("SELECT * FROM projects WHERE org_id = :org ORDER BY repository_full_name")
                .bind("org", orgId).map(OrgStore::project).list();
    }

    public Optional<Project> findProject(String orgId, String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM projects WHERE org_id = :org AND id = :id")
                .bind("org", orgId).bind("id", projectId).map(OrgStore::project).findOne());
    }

    /**
     * The project a repository name means, whatever its letter case: GitHub and GitLab read {@code Acme/API} and
     * {@code acme/api} as one repository, and a CI variable, a hand-typed {@code missionctl deploy} and a pushed
     * label may spell it differently. The project keeps the spelling it was first seen with. Where projects that
     * differ only in case were registered before, the exact spelling wins, then the oldest.
     */
    public static Optional<Project> findProjectByRepository(Handle h, String orgId, String repository) {
        return h.createQuery("SELECT * FROM projects WHERE org_id = :org "
                        + "AND LOWER(repository_full_name) = LOWER(:repo) "
                        + "ORDER BY CASE WHEN repository_full_name = :repo THEN 0 ELSE 1 END, created_at LIMIT 1")
                .bind("org", orgId).bind("repo", repository).map(OrgStore::project).findOne();
    }

    /**
     * Every project with this service name, by repository. Service names default to a repository's last segment, so
     * {@code acme/api} and {@code grp/sub/api} share one, and a caller that must not guess between them can tell.
     */
    public static List<Project> findProjectsByService(Handle h, String orgId, String service) {
        return h.createQuery("SELECT * FROM projects WHERE org_id = :org AND service_name = :svc "
                        + "ORDER BY repository_full_name")
                .bind("org", orgId).bind("svc", service).map(OrgStore::project).list();
    }

    /** Adds a project by hand (auto-registration may be off); empty when the organization already has it. */
    public Optional<Project> addProject(String orgId, String repository) {
        return jdbi.inTransaction(h -> findProjectByRepository(h, orgId, repository).isPresent() ? Optional.empty()
                : Optional.of(insertProject(h, orgId, repository, clock.instant())));
    }

    /**
     * Registers a project inside the caller's transaction, so it commits with the event that named it. Two nodes
     * may register the same new repository at once, each having looked it up and found nothing: the second insert
     * then waits for the first to commit and takes the project it created, rather than failing the event.
     */
    public static Project insertProject(Handle h, String orgId, String repository, Instant now) {
        Project p = new Project(Ids.newId(), orgId, repository, Project.defaultServiceName(repository),
                Json.object(), now);
        int inserted = h.createUpdate("INSERT INTO projects (id, org_id, repository_full_name, service_name, "
                        + "settings, created_at) VALUES (:id, :org, :repo, :svc, :settings, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("id", p.id()).bind("org", orgId).bind("repo", repository).bind("svc", p.serviceName())
                .bind("settings", "{}").bind("at", now.toEpochMilli()).execute();
        return inserted == 1 ? p : findProjectByRepository(h, orgId, repository).orElseThrow();
    }

    public void updateProjectSettings(String orgId, String projectId, JsonNode settings) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE projects SET settings = :s WHERE org_id = :org AND id = :id")
                .bind("s", Json.write(settings)).bind("org", orgId).bind("id", projectId).execute());
    }

    static Organization org(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Organization(rs.getString("id"), rs.getString("name"), rs.getBoolean("auto_register_projects"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static Project project(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Project(rs.getString("id"), rs.getString("org_id"), rs.getString("repository_full_name"),
                rs.getString("service_name"), Json.read(rs.getString("settings")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
