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

    /**
     * The severity's letters; DEBUG1 to DEBUG5 are all debug. A zone the time did not take may stand before the
     * process: an abbreviation it does not know, or the -03 tzdata writes for zones that have none. The time then
     * counts as naming no zone.
     */
    private static final Pattern PROCESS = Pattern.compile(
            "(?:([A-Z]{2,5}|[+-]\\d{2}) )?\\[\\d+\\] (?:\\S+@\\S+ )?([A-Z]+)[1-5]?:\\s+");
    /**
     * Severities only the server writes: LOG is its routine output, and the others only explain the line before
     * them, so none of these is a problem on its own. The rest (ERROR, FATAL, PANIC, WARNING, NOTICE, INFO, DEBUG)
     * are the usual words.
     */
    private static final Set<String> ROUTINE = Set.of("LOG", "DETAIL", "HINT", "CONTEXT", "QUERY", "STATEMENT",
            "LOCATION");

    /** A line that explains the one before it: {@code [4250] DETAIL:  Key (id)=(1842) already exists.} */
    private static final Pattern EXPLAINS = Pattern.compile(
            "(\\[\\d+\\]) (?:\\S+@\\S+ )?(?:DETAIL|HINT|CONTEXT|QUERY|STATEMENT|LOCATION):\\s");
    /** The process of a server line: {@code [4250]} before its user, database and severity. */
    private static final Pattern SERVER_LINE = Pattern.compile("(\\[\\d+\\]) (?:\\S+@\\S+ )?[A-Z]+[1-5]?:  ");

    private PostgresPrefix() {
    }

    /** The {@code [pid]} of a server log line, or null for any other line. */
    static String process(String line) {
        // a cheap look first, as every event's first line is asked: the server follows a severity with two spaces
        if (line.indexOf('[') < 0 || !line.contains(":  ")) {
            return null;
        }
        Matcher m = SERVER_LINE.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Whether the line explains an error of {@code process} logged just before it: the server writes the DETAIL, HINT,
     * CONTEXT and STATEMENT of a failure as lines of their own, and the key that already existed or the statement
     * that failed is what a reader of the error needs.
     */
    static boolean explains(String line, String process) {
        if (!line.contains(process)) {
            return false;
        }
        Matcher m = EXPLAINS.matcher(line);
        return m.find() && m.group(1).equals(process);
    }

    /** The line's fields when the text from {@code at} is a server process and severity, or null. */
    static LineFields after(String line, int at, Timestamps.Found time) {
        if (at >= line.length() || line.indexOf('[', at) < 0) {
            return null; // a cheap look first, as every timed line is asked
        }
        Matcher m = PROCESS.matcher(line).region(at, line.length());
        // "INFO [12] HTTP:  ..." is some other logger's level and thread, not a zone and a server process
        if (!m.lookingAt() || m.group(1) != null && Levels.fromHeaderToken(m.group(1)) != null) {
            return null;
        }
        String level = ROUTINE.contains(m.group(2)) ? "INFO" : Levels.normalize(m.group(2));
        return level == null ? null : LineFields.at(time, level, null, line.substring(m.end()).strip());
    }
}
