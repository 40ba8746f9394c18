package dev.missioncontrol.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line shapes with a fixed layout that are recognised whole: klog, web-server access logs, Python's default, and
 * request lines an application writes itself.
 */
final class StructuredLines {

    /** klog (Kubernetes, glog): {@code E0615 12:34:56.789012   12345 file.go:123] message}. */
    private static final Pattern KLOG = Pattern.compile(
            "([IWEF])(\\d{2})(\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)\\s+\\d+ ([^\\s\\]]+)\\] ?(.*)");
    /** Common and combined access-log format: host ident user [time] "request" status size ... */
    private static final Pattern ACCESS = Pattern.compile(
            "(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}) (\\S+)(.*)");
    /**
     * A request an application logs itself, method first and without a level: {@code GET /api/users 500 30012ms},
     * as Express's morgan writes it.
     */
    private static final Pattern REQUEST = Pattern.compile(
            "(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /\\S* (?:HTTP/[\\d.]+ )?([1-5]\\d\\d)(?!\\S).*");
    /**
     * Python's logging without a configured format writes {@code ERROR:app.db:connection lost}: level, logger and
     * message joined by colons, with no time and no space for the level search to split on.
     */
    private static final Pattern PYTHON_DEFAULT = Pattern.compile("([A-Z]{4,8}):([^\\s:]+):(.*)");
    /** The status class a request's message is led by for the miner: no log writes it. */
    private static final Pattern STATUS_CLASS = Pattern.compile("^[1-5]xx ");

    private StructuredLines() {
    }

    static LineFields klog(String line, YearGuess years) {
        if (line.length() < 6 || "IWEF".indexOf(line.charAt(0)) < 0 || !Character.isDigit(line.charAt(1))) {
            return null;
        }
        Matcher m = KLOG.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String level = switch (m.group(1)) {
            case "E" -> "ERROR";
            case "W" -> "WARN";
            case "F" -> "FATAL";
            default -> "INFO";
        };
        Instant at = null;
        try {
            int month = Integer.parseInt(m.group(2));
            int dayOfMonth = Integer.parseInt(m.group(3));
            LocalDate day = LocalDate.of(years.yearOf(month, dayOfMonth), month, dayOfMonth);
            at = day.atTime(LocalTime.parse(m.group(4))).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException notADate) {
            // keep the line's other fields; the time is simply unknown
        }
        String source = m.group(5);
        String component = source.contains(":") ? source.substring(0, source.lastIndexOf(':')) : source;
        // klog's header has no zone: the time is read as UTC
        return new LineFields(at, level, component, m.group(6), at != null);
    }

    static LineFields accessLog(String line, YearGuess years) {
        if (line.indexOf(" [") < 0 || line.indexOf('"') < 0) {
            return null;
        }
        Matcher m = ACCESS.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Timestamps.Found time = Timestamps.at(m.group(2), 0, years, true);
        int status = Integer.parseInt(m.group(4));
        // the request line and status are what varies meaningfully; client address and time are header. The status
        // class leads, where the miner's parse tree branches, so 5xx lines never share a template with 2xx ones
        String message = status / 100 + "xx " + m.group(3) + " " + status + " " + m.group(5) + m.group(6);
        return LineFields.at(time, Levels.fromHttpStatus(status), null, message);
    }

    /** A message without a level: a request line takes its level from the status, anything else has none. */
    static LineFields request(Timestamps.Found time, String component, String message) {
        Matcher m = REQUEST.matcher(message);
        if (!m.matches()) {
            return LineFields.at(time, null, component, message);
        }
        int status = Integer.parseInt(m.group(1));
        // the status class leads, as in access logs, so 5xx lines never share a template with 2xx ones
        return LineFields.at(time, Levels.fromHttpStatus(status), component, status / 100 + "xx " + message);
    }

    /**
     * The message as the event's text writes it, to be quoted: a request's message is led by its status class, and an
     * access log's request loses its quotes, both for the miner; a report quoting that would quote a line no log
     * holds. A message that is still not the text's own (a JSON record's message joined to its error) gives way to
     * the first line whole.
     */
    static String written(String message, String raw) {
        if (raw.contains(message)) {
            return message;
        }
        String line = raw.lines().findFirst().orElse("");
        Matcher access = ACCESS.matcher(line);
        if (STATUS_CLASS.matcher(message).find() && access.find()) {
            return line.substring(access.start(3) - 1);
        }
        String bare = STATUS_CLASS.matcher(message).replaceFirst("");
        return raw.contains(bare) ? bare : line;
    }

    static LineFields pythonDefault(String line) {
        int colon = line.indexOf(':');
        if (colon < 4 || colon > 8 || !Character.isUpperCase(line.charAt(0))) {
            return null;
        }
        Matcher m = PYTHON_DEFAULT.matcher(line);
        String level = m.matches() ? Levels.normalize(m.group(1)) : null;
        return level == null ? null : new LineFields(null, level, m.group(2), m.group(3));
    }
}
