package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.alerts.AlertLabel;
import dev.missioncontrol.alerts.PastedAlerts;
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

    /**
     * The project's signals in the environment a session's context names, if it names one as text, or else the one
     * the labels of the alerts pasted into it agree on, as the analyst reads the request.
     */
    public static SignalScope of(Project project, JsonNode context) {
        String named = EnvironmentName.in(context);
        return new SignalScope(project, named != null ? named
                : PastedAlerts.in(context).environment().map(AlertLabel::value).orElse(null));
    }

    /** Whether a pushed series with these labels belongs to this scope. */
    boolean includes(Map<String, String> labels) {
        String theirs = labels.get(EnvironmentName.KEY);
        return environment == null || theirs == null || EnvironmentName.same(theirs, environment);
    }
}
