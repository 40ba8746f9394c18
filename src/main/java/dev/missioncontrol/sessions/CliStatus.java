package dev.missioncontrol.sessions;

import dev.missioncontrol.web.QueryParams;
import java.util.Locale;

/** The Cased CLI's status words; an active session is {@code created} until a worker picks it up. */
enum CliStatus {
    CREATED, AGENT_RUNNING, COMPLETED, FAILED, CANCELLED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    SessionStatus ours() {
        return switch (this) {
            case CREATED, AGENT_RUNNING -> SessionStatus.ACTIVE;
            case COMPLETED -> SessionStatus.COMPLETED;
            case FAILED -> SessionStatus.FAILED;
            case CANCELLED -> SessionStatus.CANCELLED;
        };
    }

    /** For the two words of an active session, whether a worker has picked it up; null for the others. */
    Boolean pickedUp() {
        return switch (this) {
            case CREATED -> false;
            case AGENT_RUNNING -> true;
            default -> null;
        };
    }

    static CliStatus of(AgentSession s) {
        return switch (s.status()) {
            case ACTIVE -> s.pickedUp() ? AGENT_RUNNING : CREATED;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The CLI's {@code --status running} means agent_running. */
    static CliStatus parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String word = raw.trim().toLowerCase(Locale.ROOT);
        if (word.equals("running")) {
            return AGENT_RUNNING;
        }
        for (CliStatus s : values()) {
            if (s.wire().equals(word)) {
                return s;
            }
        }
        throw QueryParams.invalid("status", "must be one of created, agent_running (or running), completed, "
                + "failed, cancelled");
    }
}
