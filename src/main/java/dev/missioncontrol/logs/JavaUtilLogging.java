package dev.missioncontrol.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * java.util.logging's default format (its SimpleFormatter, which Tomcat's and many other Java servers' console logs
 * keep) writes each record on two lines: the time and where it was logged from
 * ({@code Nov 30, 2026 1:16:02 PM com.acme.Orders place}), then the level and the message
 * ({@code SEVERE: Order placement failed}). Read one line at a time, the first held the time and the second the
 * level, and neither was the event: the error was untimed and its stack trace a separate event.
 */
final class JavaUtilLogging {

    /** The first line: time on a 12-hour clock, then the source class and method, or the logger's name. */
    private static final Pattern SOURCE_LINE = Pattern.compile("(?:" + Timestamps.MONTHS + ")"
            + " \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M [\\w.$]+(?: [\\w$<>-]+)?");
    /** The second line: one of the levels java.util.logging names, a colon, and the message. */
    private static final Pattern LEVEL_LINE = Pattern.compile("(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): (.*)");

    private JavaUtilLogging() {
    }

    /** Whether the line is a record's first line, whose second line holds its level and message. */
    static boolean opensRecord(String line) {
        // a cheap look first: every event's first line is asked
        return line.length() > 20 && line.charAt(line.length() - 1) != ' ' && SOURCE_LINE.matcher(line).matches();
    }

    /** The second line's level and message as groups 1 and 2, or null when the line is not one. */
    static Matcher levelLine(String line) {
        Matcher m = LEVEL_LINE.matcher(line);
        return m.matches() ? m : null;
    }
}
