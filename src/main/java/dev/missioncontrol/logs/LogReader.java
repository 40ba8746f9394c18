package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads log events from a stream of unknown format, one at a time. Each line's header is detected on its own,
 * so mixed logs work; continuation lines (stack traces) are joined to the event they belong to, and a JSON record
 * printed over several lines is read whole ({@link PrintedJson}). Memory is
 * bounded by one event: its raw text is cut at {@link #MAX_RAW_CHARS}, the lines beyond are only counted.
 */
public final class LogReader implements Iterator<LogRecord>, AutoCloseable {

    static final int MAX_RAW_CHARS = 16_384;

    private final BufferedReader in;
    private final HeaderDetector detector;
    /** Lines read ahead for a JSON record printed over several lines that turned out to be none: read again. */
    private final Deque<String> unread = new ArrayDeque<>();
    private String pending;
    private long pendingLineNo;
    private long lineNo;
    private LogRecord next;
    /** The time of the last event that had one. */
    private Instant lastTime;
    /** Whether the lines read are kubectl output, whose indentation is structure, not continuation. */
    private boolean kubectl;

    /** Reads timestamps that omit the year as {@link YearGuess} places them from today (UTC). */
    public LogReader(Reader in) {
        this(in, YearGuess.at(Clock.systemUTC().instant()));
    }

    /** Reads timestamps that omit the year as {@link YearGuess} places them from {@code now}. */
    public LogReader(Reader in, Instant now) {
        this(in, YearGuess.at(now));
    }

    /** Reads timestamps that omit the year as of {@code referenceYear}. */
    public LogReader(Reader in, int referenceYear) {
        this(in, YearGuess.fixed(referenceYear));
    }

    /**
     * As {@link #LogReader(Reader, Instant)}, times that name no zone read in {@code unzoned}: the zone the other
     * logs of the same request name ({@link ZoneSurvey}), where one host writes some logs in local time with the
     * offset and others without it.
     */
    public LogReader(Reader in, Instant now, ZoneOffset unzoned) {
        this(in, YearGuess.at(now), unzoned);
    }

    private LogReader(Reader in, YearGuess years) {
        this(in, years, ZoneOffset.UTC);
    }

    private LogReader(Reader in, YearGuess years, ZoneOffset unzoned) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        this.detector = new HeaderDetector(years, unzoned);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readEvent();
        }
        return next != null;
    }

    @Override
    public LogRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LogRecord event = next;
        next = null;
        return event;
    }

    private LogRecord readEvent() {
        String first = pending != null ? pending : readLine();
        long firstLineNo = pending != null ? pendingLineNo : lineNo;
        pending = null;
        while (first != null && (ContainerLines.body(first).isBlank() || PrintedJson.bracketsRecords(first))) {
            first = readLine(); // blank lines and an array's brackets separate events but are not events themselves
            firstLineNo = lineNo;
        }
        if (first == null) {
            return null;
        }
        LogRecord printed = kubectl && KubectlOutput.continues(first) ? null : readPrintedJson(first, firstLineNo);
        if (printed != null) {
            return printed;
        }
        LineFields header = detector.detect(first);
        kubectl = opensKubectl(first)
                || kubectl && header.timestamp() == null && KubectlOutput.continues(first);
        if (kubectl) {
            header = KubectlOutput.fields(first, header);
        }
        EventLines lines = new EventLines(first, ContainerLines.body(first), header);
        pending = kubectl ? readLine() : readContinuations(lines);
        pendingLineNo = lineNo;
        return record(firstLineNo, lines.fields(header, lastTime), lines.raw(), lines.count());
    }

    /** Whether kubectl output starts at {@code first}: a description trimmed of its padding needs the line after. */
    private boolean opensKubectl(String first) {
        boolean padded = KubectlOutput.opens(first);
        if (padded || !first.startsWith("Name:")) {
            return padded;
        }
        String next = readLine();
        if (next != null) {
            unread.addFirst(next); // read again as the event after this one
            lineNo--;
        }
        return KubectlOutput.opens(first, next);
    }

    /**
     * The JSON record printed over several lines from {@code first} on, or null when there is none; the lines read
     * past {@code first} are then read again as before.
     */
    private LogRecord readPrintedJson(String first, long firstLineNo) {
        PrintedJson json = PrintedJson.openedBy(first);
        if (json == null) {
            return null;
        }
        String line;
        while (json.open() && (line = readLine()) != null) {
            json.add(line);
        }
        LineFields fields = json.complete() ? detector.detectJson(json.oneLine()) : null;
        if (fields == null) {
            List<String> read = json.afterFirst();
            read.reversed().forEach(unread::addFirst); // before any lines still unread from an earlier look
            lineNo -= read.size();
            return null;
        }
        kubectl = false;
        // the closing brace ends the record; what follows starts the next one, indented as it may be (jq -s)
        pending = readLine();
        pendingLineNo = lineNo;
        return record(firstLineNo, fields, json.raw(), json.lineCount());
    }

    /** The event read, whose time the untimed events after it take. */
    private LogRecord record(long firstLineNo, LineFields fields, String raw, int lineCount) {
        lastTime = fields.timestamp() != null ? fields.timestamp() : lastTime;
        return new LogRecord(firstLineNo, fields.timestamp(), fields.level(), fields.component(), fields.message(),
                raw, lineCount, fields.zoneAssumed());
    }

    /** Adds the lines that continue the event to it; returns the first line that does not, or null at the end. */
    private String readContinuations(EventLines lines) {
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty() && lines.spansBlankLines()) {
                line = readLine(); // a blank line ends the event unless a goroutine or a chained traceback follows
                if (line == null || !lines.resumesAfterBlank(line)) {
                    return line;
                }
                lines.add("");
            }
            String body = ContainerLines.body(line); // a trace's frames each behind a container runtime's prefix
            if (!lines.continuedBy(body)) {
                return line;
            }
            lines.add(body);
        }
        return null;
    }

    /** One line read on its own, e.g. a search hit: its header fields, with no continuation lines joined. */
    public static LogRecord line(String text, long lineNo, int referenceYear) {
        return line(text, lineNo, YearGuess.fixed(referenceYear));
    }

    /** As {@link #line(String, long, int)}, a timestamp without a year placed as {@link YearGuess} does from now. */
    public static LogRecord line(String text, long lineNo, Instant now) {
        return line(text, lineNo, now, ZoneOffset.UTC);
    }

    /** As {@link #line(String, long, Instant)}, a timestamp that names no zone read in {@code unzoned}. */
    public static LogRecord line(String text, long lineNo, Instant now, ZoneOffset unzoned) {
        return line(text, lineNo, new HeaderDetector(YearGuess.at(now), unzoned));
    }

    private static LogRecord line(String text, long lineNo, YearGuess years) {
        return line(text, lineNo, new HeaderDetector(years));
    }

    private static LogRecord line(String text, long lineNo, HeaderDetector detector) {
        LineFields fields = detector.detect(text);
        return new LogRecord(lineNo, fields.timestamp(), fields.level(), fields.component(), fields.message(), text,
                1, fields.zoneAssumed());
    }

    /** Input lines consumed so far, including blank ones and one line of look-ahead. */
    public long linesRead() {
        return lineNo;
    }

    /** The next line without its terminator; CR, LF and CRLF all end a line. */
    private String readLine() {
        try {
            String line = unread.isEmpty() ? in.readLine() : unread.removeFirst();
            if (line != null) {
                lineNo++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
