package dev.missioncontrol.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How an error names a setting: {@code --bake (MC_BAKE)}. The variable is read from the option's own default
 * ({@code ${env:MC_BAKE:-30m}}), so the name cannot drift from what the option reads.
 */
public final class SettingName {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:(\\w+)");

    private SettingName() {
    }

    public static String of(OptionSpec option) {
        return option.longestName() + variable(option).map(v -> " (" + v + ")").orElse("");
    }

    /** The MC_* variable the option falls back to, if it reads one. */
    public static Optional<String> variable(OptionSpec option) {
        String fallback = option.defaultValueString(false); // as written, before the variable is read
        Matcher m = VARIABLE.matcher(fallback == null ? "" : fallback);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
