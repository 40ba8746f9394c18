package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The environment a deploy goes to, read one way wherever it is read: from the event's {@code event_metadata}, from a
 * session's context, from the deployment a report describes. What one reader judges by, the others show, so a
 * report never names an environment whose signals were not the ones judged.
 */
public final class EnvironmentName {
    /** The key under which event metadata and session contexts hold it. */
    public static final String KEY = "environment";
    /** Longer than any environment name people use; a longer value is not one. */
    public static final int MAX = 100;

    private EnvironmentName() {
    }

    /** The name stripped; null when blank, absent or too long to be one. */
    public static String of(String raw) {
        return raw == null || raw.isBlank() || raw.length() > MAX ? null : raw.strip();
    }

    /**
     * Whether two names are one environment: without regard to case, as people type them and as the notifications'
     * scopes and the analyst compare them, so that a rollback to "production" answers a deploy to "Production".
     * Two absent names are the same (no environment); an absent one and a named one are not.
     */
    public static boolean same(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** The name {@code holder} keeps under {@value #KEY} as text; null otherwise. */
    public static String in(JsonNode holder) {
        JsonNode e = holder == null ? null : holder.get(KEY);
        return e != null && e.isTextual() ? of(e.asText()) : null;
    }
}
