package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.EnvironmentName;
import dev.missioncontrol.orgs.Project;
import java.util.Map;

/**
 * Whose signals a session reads: a project's, narrowed to one environment when the session names one (a deploy's
 * {@code event_metadata.environment}, an investigation's {@code context.environment}). A staging deploy is then judged
 * on staging's numbers: Prometheus templates get {@code {{environment}}} filled in, and pushed samples labelled with
 * another {@code environment} are left out (samples without the label count for every environment).
 *
 * @param environment null for all of the project's signals
 */
public record SignalScope(Project project, String environment) {

    public SignalScope {
        environment = EnvironmentName.of(environment);
    }

    /** The project's signals in the environment a session's context names, if it names one as text. */
    public static SignalScope of(Project project, JsonNode context) {
        return new SignalScope(project, EnvironmentName.in(context));
    }

    /** Whether a pushed series with these labels belongs to this scope. */
    boolean includes(Map<String, String> labels) {
        String theirs = labels.get(EnvironmentName.KEY);
        return environment == null || theirs == null || EnvironmentName.same(theirs, environment);
    }
}
