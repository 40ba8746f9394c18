package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads log events from a stream of unknown format, one at a time. Each line's header is detected on its own,
 * so mixed logs work; continuation lines (stack traces) are joined to the event they belong to. Memory is
 * bounded by one event: its raw text is cut at {@link #MAX_RAW_CHARS}, the lines beyond are only counted.
 */
public final class LogReader implements Iterator<LogRecord>, AutoCloseable {

    static final int MAX_RAW_CHARS = 16_384;

    private final BufferedReader in;
    private final HeaderDetector detector;
    private String pending;
    private long pendingLineNo;
    private long lineNo;
    private LogRecord next;
    /** The time of the last event that had one. */
    private Instant lastTime;

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

    private LogReader(Reader in, YearGuess years) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        this.detector = new HeaderDetector(years);
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
        while (first != null && first.isBlank()) {
            first = readLine(); // blank lines separate events but are not events themselves
            firstLineNo = lineNo;
        }
        if (first == null) {
            return null;
        }
        LineFields header = detector.detect(first);
        EventLines lines = new EventLines(first, header);
        String line;
        while ((line = readLine()) != null && lines.continuedBy(line)) {
            lines.add(line);
        }
        pending = line;
        pendingLineNo = lineNo;
        LineFields fields = lines.fields(header, lastTime);
        lastTime = fields.timestamp() != null ? fields.timestamp() : lastTime;
        return new LogRecord(firstLineNo, fields.timestamp(), fields.level(), fields.component(), fields.message(),
                lines.raw(), lines.count(), fields.zoneAssumed());
    }

    /** One line read on its own, e.g. a search hit: its header fields, with no continuation lines joined. */
    public static LogRecord line(String text, long lineNo, int referenceYear) {
        return line(text, lineNo, YearGuess.fixed(referenceYear));
    }

    /** As {@link #line(String, long, int)}, a timestamp without a year placed as {@link YearGuess} does from now. */
    public static LogRecord line(String text, long lineNo, Instant now) {
        return line(text, lineNo, YearGuess.at(now));
    }

    private static LogRecord line(String text, long lineNo, YearGuess years) {
        LineFields fields = new HeaderDetector(years).detect(text);
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
            String line = in.readLine();
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
