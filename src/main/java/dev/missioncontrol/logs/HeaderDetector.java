package dev.missioncontrol.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds timestamp, level and component at the start of a line of unknown format. Fixed layouts (JSON, klog,
 * access logs) are tried whole; otherwise the header is read left to right: an optional bracketed or bare
 * timestamp, a syslog host and {@code program[pid]:}, a level word, a {@code [thread]}, and a logger name
 * followed by {@code -} or {@code :}. Whatever is left is the message.
 */
final class HeaderDetector {

    /** Syslog after the time: {@code host program[pid]: } or {@code host program: }. */
    private static final Pattern SYSLOG_SOURCE = Pattern.compile("\\S+ ([\\w./()-]+?)(?:\\[\\d+\\])?: ");
    /** A logger or component name and its separator: {@code com.foo.Bar - } or {@code dfs.DataNode: }. */
    private static final Pattern COMPONENT = Pattern.compile("([A-Za-z_][\\w.$-]*)(?: - |: | : )");
    private static final Pattern THREAD = Pattern.compile("\\[[^\\]]*\\] ");

    private final int referenceYear;

    HeaderDetector(int referenceYear) {
        this.referenceYear = referenceYear;
    }

    LineFields detect(String line) {
        if (line.startsWith("{")) {
            LineFields json = JsonLines.parse(line, referenceYear);
            if (json != null) {
                return json;
            }
        }
        LineFields fixed = StructuredLines.klog(line, referenceYear);
        if (fixed == null) {
            fixed = StructuredLines.accessLog(line, referenceYear);
        }
        return fixed != null ? fixed : freeForm(line);
    }

    private LineFields freeForm(String line) {
        int at = skipSpaces(line, 0);
        boolean bracketed = at < line.length() && line.charAt(at) == '[';
        Timestamps.Found time = Timestamps.at(line, bracketed ? at + 1 : at, referenceYear);
        String component = null;
        if (time != null) {
            at = time.end();
            if (bracketed && at < line.length() && line.charAt(at) == ']') {
                at++;
            }
            at = skipSpaces(line, at);
            Matcher source = SYSLOG_SOURCE.matcher(line).region(at, line.length());
            if (!startsWithLevel(line, at) && source.lookingAt()) {
                component = source.group(1);
                at = source.end();
            }
        }
        return afterTime(line, at, time, component);
    }

    private LineFields afterTime(String line, int at, Timestamps.Found time, String component) {
        String level = null;
        int tokenEnd = tokenEnd(line, at);
        String candidate = Levels.fromHeaderToken(line.substring(at, tokenEnd));
        if (candidate != null) {
            level = candidate;
            at = skipSpaces(line, tokenEnd);
            Matcher thread = THREAD.matcher(line).region(at, line.length());
            if (thread.lookingAt()) {
                at = thread.end();
            }
            Matcher logger = COMPONENT.matcher(line).region(at, line.length());
            if (component == null && logger.lookingAt()) {
                component = logger.group(1);
                at = logger.end();
            }
        }
        return new LineFields(time == null ? null : time.instant(), level, component, line.substring(at).strip());
    }

    private static boolean startsWithLevel(String line, int at) {
        return Levels.fromHeaderToken(line.substring(at, tokenEnd(line, at))) != null;
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
