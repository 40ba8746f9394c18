package dev.missioncontrol.logs;

import java.time.Instant;
import java.util.regex.Matcher;

/**
 * The lines of one event while they are read: the raw text up to {@link LogReader#MAX_RAW_CHARS}, how many lines
 * there were, and whether they read as a trace, which decides whether a bare exception line still belongs here.
 */
final class EventLines {

    private final StringBuilder raw;
    private final boolean traceback;
    private final boolean goPanic;
    /** The PostgreSQL server process that wrote the first line, whose explaining lines follow it; else null. */
    private final String pgProcess;
    private int count = 1;
    private boolean trace;
    private String exception;
    /** Inside a Python traceback whose exception line has not come yet. */
    private boolean inTraceback;
    /** Holds a Python traceback, printed on its own or below a logged line, which chained ones may follow. */
    private boolean python;
    /** The last line read is Python's sentence chaining another traceback, which comes after a blank line. */
    private boolean chained;
    /** The first line is java.util.logging's time and source, whose level and message come on the next line. */
    private final boolean julSource;
    private String julLevel;
    private String julMessage;

    /**
     * The event that {@code first} opens, whose text is {@code body}: the line less a container runtime's prefix
     * ({@link ContainerLines}), by which a trace's frames are recognised.
     */
    EventLines(String first, String body, LineFields header) {
        raw = new StringBuilder(first);
        traceback = Continuations.opensTraceback(body);
        goPanic = Continuations.opensGoPanic(body);
        pgProcess = PostgresPrefix.process(body);
        julSource = JavaUtilLogging.opensRecord(body);
        inTraceback = traceback;
        python = traceback;
        trace = Continuations.isTrace(body) || serious(header.level());
    }

    /** After an error or warning, a bare exception line ("java.io.IOException: x") belongs to it. */
    private static boolean serious(String level) {
        return level != null && !level.equals("INFO") && !level.equals("DEBUG") && !level.equals("TRACE");
    }

    boolean continuedBy(String line) {
        return Continuations.continues(line, trace) || pgProcess != null && PostgresPrefix.explains(line, pgProcess)
                || inTraceback && Continuations.endsTraceback(line)
                || python && !inTraceback && Continuations.chainsTraceback(line)
                || julSource && count == 1 && JavaUtilLogging.levelLine(line) != null;
    }

    /**
     * Whether a blank line may still lie inside the event: Go prints one before each goroutine of a panic, and Python
     * one on each side of the sentence that chains an exception's traceback to the one it raised.
     */
    boolean spansBlankLines() {
        return goPanic || python;
    }

    /** Whether the line after a blank one goes on with this event: a goroutine, or a chained traceback. */
    boolean resumesAfterBlank(String line) {
        return goPanic && Continuations.headsGoroutine(line) || python && (chained
                ? Continuations.opensTraceback(line) : !inTraceback && Continuations.chainsTraceback(line));
    }

    void add(String line) {
        if (julSource && count == 1) {
            readJulLevel(line);
        }
        count++;
        trace = trace || Continuations.isTrace(line);
        boolean margin = !line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t';
        if (traceback && (Continuations.namesException(line) || inTraceback && margin)) {
            exception = line;
        }
        // the traceback's exception line, at the margin, ends it; a chained traceback opens another
        inTraceback = Continuations.opensTraceback(line) || inTraceback && !margin;
        python = python || inTraceback;
        chained = Continuations.chainsTraceback(line) || chained && line.isEmpty();
        if (raw.length() + line.length() < LogReader.MAX_RAW_CHARS) {
            raw.append('\n').append(line);
        }
    }

    private void readJulLevel(String line) {
        Matcher levelLine = JavaUtilLogging.levelLine(line);
        if (levelLine != null) {
            julLevel = Levels.normalize(levelLine.group(1));
            julMessage = levelLine.group(2);
            trace = trace || serious(julLevel);
        }
    }

    /**
     * The event's fields: the first line's header, except for a traceback that stands on its own. Python prints one
     * when an exception escapes, so it is an error; what it is about is the exception line at its end (that line,
     * not the "Traceback" header every such event shares, is the message to mine); and as it carries no time, it
     * takes the time of the line logged just before it, {@code before}, as the digest places untimed lines.
     */
    LineFields fields(LineFields header, Instant before) {
        if (julLevel != null) {
            String source = header.message();
            return new LineFields(header.timestamp(), julLevel, source.substring(0, (source + " ").indexOf(' ')),
                    julMessage, header.zoneAssumed(), header.zone());
        }
        if (!traceback) {
            return header;
        }
        return new LineFields(header.timestamp() != null ? header.timestamp() : before, "ERROR", null,
                exception != null ? exception : header.message(), header.zoneAssumed());
    }

    String raw() {
        return raw.toString();
    }

    int count() {
        return count;
    }
}
