package dev.missioncontrol.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags and settings: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}. */
public final class DurationText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    /**
     * No setting is meant to reach past ten years; a bound keeps every duration within what {@link Duration#toMillis}
     * and date arithmetic can hold, so an absurd value is refused as input instead of failing later as an overflow.
     */
    public static final Duration MAX = Duration.ofDays(3650);

    private DurationText() {
    }

    public static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 500ms, 10s, 5m, 2h)");
        }
        ChronoUnit unit = switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        // Compared as a number of units, so no amount, however many digits, overflows on the way.
        if (digits.length() > 18 || Long.parseLong(digits) > MAX.toMillis() / unit.getDuration().toMillis()) {
            throw new IllegalArgumentException("too long a duration: " + text + " (at most " + format(MAX) + ")");
        }
        return Duration.of(Long.parseLong(digits), unit);
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
