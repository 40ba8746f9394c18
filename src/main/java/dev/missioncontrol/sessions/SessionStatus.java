package dev.missioncontrol.sessions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The public status of a session. Only {@code active} sessions have work left. */
public enum SessionStatus {
    ACTIVE, COMPLETED, FAILED, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this != ACTIVE;
    }

    public static Optional<SessionStatus> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(s)).findFirst();
    }
}
