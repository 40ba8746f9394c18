package dev.missioncontrol.deployments;

import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.monitor.DeployMonitorBrain;
import dev.missioncontrol.monitor.DeployStatus;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.monitor.MonitorSchedule;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Organization;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.sessions.NewSession;
import dev.missioncontrol.sessions.SessionKind;
import dev.missioncontrol.sessions.SessionStore;
import dev.missioncontrol.sessions.SessionTitle;
import dev.missioncontrol.store.Dialect;
import dev.missioncontrol.store.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Records a deployment event and starts, or joins, the deploy monitor session watching it. */
public final class DeploymentService {
    private final SessionStore sessions;
    private final DeploymentStore deployments;
    private final Dialect dialect;
    private final MonitorSchedule schedule;
    private final Clock clock;

    /** What the [seed] response is made of. */
    public record Recorded(String deploymentId, String status, Instant createdAt, String sessionId, boolean joined) {
    }

    /** @param schedule the server's monitor schedule; a project's settings may set its own bake time */
    public DeploymentService(SessionStore sessions, DeploymentStore deployments, Dialect dialect,
            MonitorSchedule schedule, Clock clock) {
        this.sessions = sessions;
        this.deployments = deployments;
        this.dialect = dialect;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Runs inside the caller's transaction, so the event, its session and its idempotency record commit together. */
    public Recorded record(Handle h, Organization org, DeploymentInput in) {
        Instant now = clock.instant();
        Project project = resolveProject(h, org, in.repositoryFullName(), now);
        lockProject(h, project);
        var open = deployments.findOpenSession(h, project.id(), in, now);
        if (open.isEmpty() && !DeployStatus.finished(in.status())) {
            Optional<String> ended = deployments.findEndedSession(h, project.id(), in, now);
            if (ended.isPresent()) {
                return lateNews(h, org, project, in, ended.get(), now);
            }
        }
        String sessionId = open.orElseGet(() -> sessions.insert(h, newMonitor(org, project, in), now));
        if (open.isPresent()) {
            sessions.append(h, sessionId, "status", news(DeployStatus.watched(deployments.statusesOf(h, sessionId)),
                    in.status()), Json.object().put("deployment_status", in.status()), now);
            sessions.wake(h, sessionId, now);
        }
        String id = deployments.insert(h, org.id(), project.id(), sessionId, in, now);
        return new Recorded(id, in.status(), now, sessionId, open.isPresent());
    }

    /**
     * What an event of an open watch says on its timeline. One that changes nothing (a running event committed after
     * the success, the success posted twice, a cancel after the rollout ran) says so: "Deployment is now running"
     * under a watch of the success read as though the rollout had started again.
     */
    private static String news(String watched, String status) {
        if (DeployStatus.changes(watched, status)) {
            return "Deployment is now " + status;
        }
        if (status.equals(watched)) {
            return "Deployment event " + status + " arrived again; it changes nothing";
        }
        return "Deployment event " + status + " arrived after " + watched + "; it changes nothing"
                + ("cancelled".equals(status) ? ": the rollout already ran, so the watch goes on" : "");
    }

    /**
     * A pending or running event of a deployment whose watch already ended: recorded in that session with its verdict,
     * and the session left ended, since a late event never undoes the finished status ({@link DeployStatus}).
     */
    private Recorded lateNews(Handle h, Organization org, Project project, DeploymentInput in, String sessionId,
            Instant now) {
        sessions.append(h, sessionId, "status", "Deployment event " + in.status() + " arrived after the watch ended; "
                + "it changes nothing", Json.object().put("late_deployment_status", in.status()), now);
        String id = deployments.insert(h, org.id(), project.id(), sessionId, in, now);
        deployments.copyVerdict(h, id, sessionId);
        return new Recorded(id, in.status(), now, sessionId, true);
    }

    private Project resolveProject(Handle h, Organization org, String repository, Instant now) {
        if (repository == null) {
            return onlyProject(OrgStore.projects(h, org.id()));
        }
        return OrgStore.findProjectByRepository(h, org.id(), repository).orElseGet(() -> {
            if (!org.autoRegisterProjects()) {
                throw new ValidationException(List.of(dev.missioncontrol.errors.FieldError.invalid(
                        "repository_full_name", "is not a project of this organization, and automatic "
                                + "registration is switched off; an admin adds it on the settings page (Projects, Add "
                                + "project) first")));
            }
            return OrgStore.insertProject(h, org.id(), repository, now);
        });
    }

    private static Project onlyProject(List<Project> projects) {
        if (projects.size() == 1) {
            return projects.get(0);
        }
        String why = projects.isEmpty()
                ? "is required: this organization has no project yet; send repository_full_name as owner/name "
                        + "and the project is registered automatically"
                : "is required because this organization has more than one project";
        throw new ValidationException(List.of(dev.missioncontrol.errors.FieldError.missing("repository_full_name")
                .withDetail(why)));
    }

    /** On PostgreSQL two nodes could otherwise both open a session for the same deployment. */
    private void lockProject(Handle h, Project project) {
        if (dialect.isPostgres()) {
            h.createQuery("SELECT id FROM projects WHERE id = :id FOR UPDATE").bind("id", project.id())
                    .mapTo(String.class).one();
        }
    }

    /**
     * The session's context carries the schedule it follows, the project's bake time applied, so the monitor decides
     * from the session alone; the bake time in force when the deploy arrived is the one it is watched for. It also
     * carries the environment the deploy names, whose signals alone it is judged on ({@code SignalScope}).
     */
    private NewSession newMonitor(Organization org, Project project, DeploymentInput in) {
        String sha = in.commitSha() == null ? "" : " @ " + in.commitSha().substring(0, Math.min(7, in.commitSha().length()));
        String title = "Deploy " + project.repositoryFullName() + sha + ": "
                + SessionTitle.of(firstLine(in.deploymentRequest()), "deployment");
        var context = Json.object().put("repository_full_name", project.repositoryFullName());
        String environment = EnvironmentName.in(in.eventMetadata());
        if (environment != null) {
            context.put(EnvironmentName.KEY, environment); // judged on that environment's signals
        }
        context.set(DeployMonitorBrain.SCHEDULE_KEY, schedule.forProject(project.settings()).toJson());
        return new NewSession(org.id(), project.id(), SessionKind.DEPLOY_MONITOR, clip(title, 200),
                in.deploymentRequest(), context);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
