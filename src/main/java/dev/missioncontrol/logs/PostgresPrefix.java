package dev.missioncontrol.logs;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows the time in PostgreSQL's server log with its default prefix {@code %m [%p] }, optionally extended by
 * {@code %q%u@%d }: {@code [102] ERROR:  duplicate key value} or {@code [102] app@orders LOG:  statement: ...}. Read
 * as syslog, the bracketed process id would pass for a host and the severity for a program, and the line would carry
 * no level at all.
 */
final class PostgresPrefix {

    /** The severity's letters; DEBUG1 to DEBUG5 are all debug. */
    private static final Pattern PROCESS = Pattern.compile("\\[\\d+\\] (?:\\S+@\\S+ )?([A-Z]+)[1-5]?:\\s+");
    /**
     * Severities only the server writes: LOG is its routine output, and the others only explain the line before
     * them, so none of these is a problem on its own. The rest (ERROR, FATAL, PANIC, WARNING, NOTICE, INFO, DEBUG)
     * are the usual words.
     */
    private static final Set<String> ROUTINE = Set.of("LOG", "DETAIL", "HINT", "CONTEXT", "QUERY", "STATEMENT",
            "LOCATION");

    private PostgresPrefix() {
    }

    /** The line's fields when the text from {@code at} is a server process and severity, or null. */
    static LineFields after(String line, int at, Timestamps.Found time) {
        if (at >= line.length() || line.charAt(at) != '[') {
            return null;
        }
        Matcher m = PROCESS.matcher(line).region(at, line.length());
        String level = !m.lookingAt() ? null : ROUTINE.contains(m.group(1)) ? "INFO" : Levels.normalize(m.group(1));
        return level == null ? null : LineFields.at(time, level, null, line.substring(m.end()).strip());
    }
}
