package dev.missioncontrol.orgs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What an API key may do. A new key gets all of them unless told otherwise. */
public enum Scope {
    DEPLOYMENTS_WRITE("deployments:write"),
    DEPLOYMENTS_READ("deployments:read"),
    SESSIONS_WRITE("sessions:write"),
    SESSIONS_READ("sessions:read");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Scope> parse(String s) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s.trim())).findFirst();
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    public static String join(Set<Scope> scopes) {
        return String.join(" ", scopes.stream().sorted().map(Scope::wire).toList());
    }

    /** Reads the stored, space-separated form; unknown words are dropped rather than widening access. */
    public static Set<Scope> split(String stored) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String word : stored.split("[ ,]+")) {
            if (!word.isBlank()) {
                parse(word).ifPresent(out::add);
            }
        }
        return out;
    }
}
