package dev.missioncontrol.sessions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum SessionKind {
    DEPLOY_MONITOR, ROOT_CAUSE_ANALYSIS, GENERAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(s)).findFirst();
    }
}
