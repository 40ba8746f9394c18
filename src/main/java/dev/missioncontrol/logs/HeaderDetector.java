package dev.missioncontrol.logs;

import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds timestamp, level and component at the start of a line of unknown format. Fixed layouts (JSON, klog,
 * access logs, Python's default) are tried whole; otherwise the header is read left to right: a timestamp among the
 * first few tokens (bracketed or bare), then PostgreSQL's {@code [pid] SEVERITY:}, a syslog host and
 * {@code program[pid]:}, or a level word within the next few tokens with an optional {@code [thread]} and logger
 * name followed by {@code -} or {@code :}. Whatever is left is the message.
 */
final class HeaderDetector {

    /** Syslog after the time: {@code host program[pid]: } or {@code host program: }. */
    private static final Pattern SYSLOG_SOURCE = Pattern.compile("\\S+ ([\\w./()-]+?)(?:\\[\\d+\\])?: ");
    /** A logger or component name and its separator: {@code com.foo.Bar - } or {@code dfs.DataNode: }. */
    private static final Pattern COMPONENT = Pattern.compile("([A-Za-z_][\\w.$-]*)(?: - |: | : )");
    private static final Pattern THREAD = Pattern.compile("\\[[^\\]]*\\] ");
    /**
     * A class's or a method's full name after the thread, with no separator before the message, as Tomcat's
     * {@code SEVERE [exec-3] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() …} and log4j's
     * {@code %p [%t] %c %m} write it: three or more dotted parts, each starting with a letter (not a version).
     */
    private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*){2,}) ");
    /** Fields after the time split by pipes: {@code |component|pid|message}, as some mobile app logs write. */
    private static final Pattern PIPED = Pattern.compile("\\|([^|\\s]+)\\|(?:\\d+\\|)?");

    /** How far into a line a timestamp or a level may stand and still be header rather than message. */
    private static final int TIME_SEARCH_TOKENS = 6;
    private static final int LEVEL_SEARCH_TOKENS = 4;

    private final YearGuess years;
    /** The zone of times that name none: UTC, unless the other logs of the same request name one. */
    private final ZoneOffset unzoned;

    HeaderDetector(YearGuess years) {
        this(years, ZoneOffset.UTC);
    }

    HeaderDetector(YearGuess years, ZoneOffset unzoned) {
        this.years = years;
        this.unzoned = unzoned;
    }

    LineFields detect(String line) {
        return fields(line).unzonedIn(unzoned);
    }

    /** The fields of a JSON record given whole, or null when the text is not one. */
    LineFields detectJson(String record) {
        LineFields json = JsonLines.parse(record, years);
        return json == null ? null : json.unzonedIn(unzoned);
    }

    private LineFields fields(String line) {
        String body = ContainerLines.body(line);
        if (body.length() != line.length()) {
            return ContainerLines.fields(line, fields(body), years);
        }
        if (line.startsWith("{")) {
            LineFields json = JsonLines.parse(line, years);
            if (json != null) {
                return json;
            }
        }
        LineFields fixed = StructuredLines.klog(line, years);
        if (fixed == null) {
            fixed = StructuredLines.accessLog(line, years);
        }
        if (fixed == null) {
            fixed = StructuredLines.pythonDefault(line);
        }
        return fixed != null ? fixed : freeForm(line);
    }

    private LineFields freeForm(String line) {
        Timestamps.Found time = findTime(line);
        if (time == null) {
            return untimed(line);
        }
        int at = time.end();
        if (at < line.length() && line.charAt(at) == ']') {
            at++;
        }
        Matcher piped = PIPED.matcher(line).region(at, line.length());
        if (piped.lookingAt()) {
            return LineFields.at(time, null, piped.group(1), line.substring(piped.end()).strip());
        }
        at = skipSpaces(line, at);
        LineFields server = PostgresPrefix.after(line, at, time);
        if (server != null) {
            return server;
        }
        Matcher source = SYSLOG_SOURCE.matcher(line).region(at, line.length());
        // "web-1 ERROR: disk full" has a syslog header's shape, but no program is named after a level
        if (levelToken(line, at, 1) < 0 && source.lookingAt() && Levels.fromHeaderToken(source.group(1)) == null) {
            return afterHeader(line, source.end(), time, source.group(1), 1);
        }
        return afterHeader(line, at, time, null, LEVEL_SEARCH_TOKENS);
    }

    /**
     * A line without a date: its level must be its first word, unless a time of day alone opens it (Logback's console
     * default), after which the level may stand behind a thread as in any dated header. That time stays unread, as
     * nothing on the line says which day it is.
     */
    private LineFields untimed(String line) {
        int at = skipSpaces(line, 0);
        int clock = Timestamps.clockEnd(line, at);
        return clock < 0 ? afterHeader(line, at, null, null, 1)
                : afterHeader(line, skipSpaces(line, clock), null, null, LEVEL_SEARCH_TOKENS);
    }

    /**
     * The first timestamp among the leading tokens, optionally in brackets. Some logs put a label, an epoch
     * number or a host before the time; everything up to the time is then header.
     */
    private Timestamps.Found findTime(String line) {
        int at = skipSpaces(line, 0);
        for (int token = 0; token < TIME_SEARCH_TOKENS && at < line.length(); token++) {
            int from = line.charAt(at) == '[' ? at + 1 : at;
            Timestamps.Found time = Timestamps.at(line, from, years, token == 0);
            if (time != null) {
                return time;
            }
            at = skipSpaces(line, tokenEnd(line, at));
        }
        return null;
    }

    /**
     * Reads the level among the next few tokens; what stands just before it ({@code KERNEL INFO}) or the
     * logger after it ({@code INFO [main] com.foo.Bar - }) names the component.
     */
    private LineFields afterHeader(String line, int at, Timestamps.Found time, String component, int search) {
        int levelAt = levelToken(line, at, search);
        if (levelAt < 0) {
            return StructuredLines.request(time, component, line.substring(at).strip());
        }
        int end = tokenEnd(line, levelAt);
        String level = Levels.fromHeaderToken(line.substring(levelAt, end));
        String before = levelAt > at ? line.substring(at, levelAt).strip() : "";
        at = skipSpaces(line, end);
        Matcher thread = THREAD.matcher(line).region(at, line.length());
        boolean threaded = thread.lookingAt();
        if (threaded) {
            at = thread.end();
        }
        Matcher logger = COMPONENT.matcher(line).region(at, line.length());
        Matcher qualified = QUALIFIED.matcher(line).region(at, line.length());
        if (component == null && logger.lookingAt()) {
            // "FATAL ERROR: heap limit" says the level twice; the second word names no component
            component = Levels.fromHeaderToken(logger.group(1)) == null ? logger.group(1) : null;
            at = logger.end();
        } else if (component == null && threaded && qualified.lookingAt()) {
            component = qualified.group(1);
            at = qualified.end();
        } else if (component == null && !before.isEmpty()) {
            String last = before.substring(before.lastIndexOf(' ') + 1);
            component = last.startsWith("[") ? null : last;
        }
        return LineFields.at(time, level, component, line.substring(at).strip());
    }

    /** Start of the first level token among the next {@code tokens} tokens, or -1. */
    private static int levelToken(String line, int from, int tokens) {
        int at = from;
        for (int token = 0; token < tokens && at < line.length(); token++) {
            int end = tokenEnd(line, at);
            if (Levels.fromHeaderToken(line.substring(at, end)) != null) {
                return at;
            }
            at = skipSpaces(line, end);
        }
        return -1;
    }

    private static int tokenEnd(String line, int from) {
        int end = from;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipSpaces(String line, int from) {
        int at = from;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        return at;
    }
}
