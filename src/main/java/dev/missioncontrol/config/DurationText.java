package dev.missioncontrol.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags and settings: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}. */
public final class DurationText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (use e.g. 500ms, 10s, 5m, 2h): " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The shortest text {@link #parse} reads back as the same duration: {@code 30m}, not {@code 1800s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }
}
