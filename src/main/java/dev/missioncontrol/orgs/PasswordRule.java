package dev.missioncontrol.orgs;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be, wherever one is set: the settings page, the password change and the admin command.
 * bcrypt reads at most 72 bytes of UTF-8, and the encoder refuses more rather than silently ignoring the rest, so a
 * longer password is refused here, where its owner learns why.
 */
public final class PasswordRule {
    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /** Why this password cannot be set, as the end of a sentence starting "The password …"; empty when it can. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_CHARACTERS) {
            return Optional.of("needs at least " + MIN_CHARACTERS + " characters");
        }
        if (tooLong(password)) {
            return Optional.of("can be at most " + MAX_BYTES + " bytes (" + MAX_BYTES
                    + " plain letters and digits, fewer with accents or symbols)");
        }
        return Optional.empty();
    }

    /** Longer than bcrypt can read, so no stored hash can be its hash. */
    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
