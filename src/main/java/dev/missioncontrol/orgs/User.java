package dev.missioncontrol.orgs;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

public record User(String id, String orgId, String email, Role role, Instant createdAt) {
    /** Something, an @, something, with no spaces: the settings page and the admin CLI accept the same emails. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public static boolean isEmail(String text) {
        return text != null && EMAIL.matcher(text.strip()).matches();
    }

    public enum Role {
        ADMIN, MEMBER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
