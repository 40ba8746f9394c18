package dev.missioncontrol.config;

import java.util.function.Function;

/**
 * A setting the server cannot use, with the flag it was read for. A value may come from the flag or from its MC_*
 * variable, so the error names the flag and the command line adds the variable (see {@link SettingName}); the
 * operator then knows which of some twenty settings to fix.
 */
public final class BadSetting extends IllegalArgumentException {
    private final String flag;

    /** @param problem what is wrong with the value, without the flag: {@code must be at most 24h} */
    public BadSetting(String flag, String problem) {
        super(problem);
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** The value as the parser reads it; the parser's refusal becomes this flag's. */
    public static <V, T> T read(String flag, V value, Function<V, T> parser) {
        try {
            return parser.apply(value);
        } catch (BadSetting e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadSetting(flag, e.getMessage());
        }
    }
}
