package dev.missioncontrol.logs;

import java.time.Instant;

/**
 * One log event as read from a stream: usually one line, or a first line with its stack trace joined on.
 *
 * @param lineNo    the event's first input line, 1-based
 * @param timestamp when it happened, or null when the line carries no recognisable time
 * @param level     ERROR, WARN, INFO, DEBUG, TRACE or FATAL, or null when the line names none
 * @param component the service, logger or program that wrote it, or null
 * @param message   the text after the header: what the template miner works on
 * @param raw       the input as written, continuation lines joined with '\n' (cut at a bound)
 * @param lineCount how many input lines the event spans
 * @param zoneAssumed true when the time named no zone and was read in the zone assumed for the log
 */
public record LogRecord(long lineNo, Instant timestamp, String level, String component, String message,
                        String raw, int lineCount, boolean zoneAssumed) {

    public LogRecord(long lineNo, Instant timestamp, String level, String component, String message, String raw,
                     int lineCount) {
        this(lineNo, timestamp, level, component, message, raw, lineCount, false);
    }

    /** The message as the event's text writes it, to quote where a reader will look for it in the log. */
    public String written() {
        return StructuredLines.written(message, raw);
    }

    public boolean isError() {
        return "ERROR".equals(level) || "FATAL".equals(level);
    }

    public boolean isWarning() {
        return "WARN".equals(level);
    }
}
