package dev.missioncontrol.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log files a container runtime writes on a Kubernetes node ({@code /var/log/containers/*.log}), as containerd
 * and CRI-O write them: {@code 2026-11-30T13:16:00.123456789Z stderr F <the program's line>}. The time and stream are
 * the runtime's; the level, the logger and the message are in the program's line, JSON or text, which is read as
 * any other line would be, and a stack trace's frames, each behind a prefix of its own, still join their error.
 */
final class ContainerLines {

    /** The runtime's prefix: its time, the stream, and F for a full line or P for part of a long one. */
    private static final Pattern PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\S+ (?:stdout|stderr) [FP] ");

    private ContainerLines() {
    }

    /** The program's line, or the line itself when no runtime's prefix opens it. */
    static String body(String line) {
        // a cheap look first: every line is asked
        if (line.length() < 30 || line.charAt(4) != '-' || line.charAt(10) != 'T') {
            return line;
        }
        Matcher m = PREFIX.matcher(line);
        return m.lookingAt() ? line.substring(m.end()) : line;
    }

    /** The program's line's fields, at the time the runtime's prefix gives, which names its zone. */
    static LineFields fields(String line, LineFields program, YearGuess years) {
        Timestamps.Found time = Timestamps.at(line, 0, years, true);
        return time == null ? program : new LineFields(time.instant(), program.level(), program.component(),
                program.message(), !time.zoned(), time.zone());
    }
}
