package dev.missioncontrol.signals;

import com.fasterxml.jackson.databind.JsonNode;
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
    /** Longer than any environment name people use; a longer value is not one. */
    static final int MAX_ENVIRONMENT = 100;
    public static final String CONTEXT_KEY = "environment";

    public SignalScope {
        environment = environment == null || environment.isBlank() || environment.length() > MAX_ENVIRONMENT ? null
                : environment.strip();
    }

    /** The project's signals in the environment a session's context names, if it names one as text. */
    public static SignalScope of(Project project, JsonNode context) {
        JsonNode e = context == null ? null : context.get(CONTEXT_KEY);
        return new SignalScope(project, e != null && e.isTextual() ? e.asText() : null);
    }

    /** Whether a pushed series with these labels belongs to this scope. */
    boolean includes(Map<String, String> labels) {
        String theirs = labels.get(CONTEXT_KEY);
        return environment == null || theirs == null || theirs.equals(environment);
    }
}
