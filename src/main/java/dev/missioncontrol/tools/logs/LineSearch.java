package dev.missioncontrol.tools.logs;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.logs.LogReader;
import dev.missioncontrol.logs.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Scans sources line by line for a pattern, keeping only the hits it will return (the first N, or the last N)
 * with their neighbouring lines. Stops at a time budget, so neither a huge log nor a backtracking regex can hold a
 * worker.
 */
final class LineSearch {
    static final Duration BUDGET = Duration.ofSeconds(5);
    /** Only a line's head is searched: a 10 MB single-line blob must not make one match take seconds. */
    static final int SCAN_CHARS = 16_384;
    static final int CHECKED_MATCHES = 2_000;

    record Line(long no, String text) {
    }

    /** One matching line with the lines around it. */
    static final class Hit {
        final String source;
        final LogRecord record;
        final List<Line> before;
        final List<Line> after = new ArrayList<>();

        Hit(String source, LogRecord record, List<Line> before) {
            this.source = source;
            this.record = record;
            this.before = before;
        }
    }

    private final SearchQuery query;
    private final Instant now;
    private final long deadline;
    private final Deque<Hit> kept = new ArrayDeque<>();
    private long checked;
    private boolean metSecret;
    final MatchGroups groups = new MatchGroups();
    final List<String> searched = new ArrayList<>();
    long total;
    long lines;
    boolean outOfTime;

    /** @param now when the session began: lines without a year are placed before it, as analyze_logs places them */
    LineSearch(SearchQuery query, Instant now) {
        this.query = query;
        this.now = now;
        this.deadline = System.nanoTime() + BUDGET.toNanos();
    }

    List<Hit> hits() {
        return List.copyOf(kept);
    }

    void scan(LogSource source) {
        if (outOfTime) {
            return;
        }
        searched.add(source.name());
        Deque<Line> recent = new ArrayDeque<>();
        try (BufferedReader in = new BufferedReader(source.open(), 1 << 16)) {
            String text;
            long no = 0;
            while ((text = in.readLine()) != null) {
                lines++;
                Line line = new Line(++no, text);
                if ((no & 0x3FF) == 0 && System.nanoTime() > deadline) {
                    throw new GuardedText.OutOfTime();
                }
                feedFollowing(source.name(), line);
                if (matches(text)) {
                    onHit(source.name(), line, recent);
                }
                recent.addLast(line);
                if (recent.size() > query.contextLines()) {
                    recent.removeFirst();
                }
            }
        } catch (GuardedText.OutOfTime e) {
            outOfTime = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the line matches, as the caller will see it: a match that lies only in a secret the redactor masks does
     * not count. Otherwise the count of lines matching {@code password=a}, {@code password=b}, … would spell out a
     * password the results never show. Redacting costs some 15 µs a line, so a search stops checking after
     * {@value #CHECKED_MATCHES} matches of which none lay only in a secret: such a search is after ordinary text, and
     * one that matches every line of a large log must stay within its time budget. A search that has met a secret
     * is checked to its end, however many lines repeat that secret.
     */
    private boolean matches(String text) {
        String head = text.length() > SCAN_CHARS ? text.substring(0, SCAN_CHARS) : text;
        if (!query.pattern().matcher(new GuardedText(head, deadline)).find()) {
            return false;
        }
        if (checked >= CHECKED_MATCHES && !metSecret) {
            return true;
        }
        checked++;
        String shown = Redactor.redact(head);
        boolean seen = shown.equals(head) || query.pattern().matcher(new GuardedText(shown, deadline)).find();
        metSecret |= !seen;
        return seen;
    }

    private void onHit(String source, Line line, Deque<Line> recent) {
        total++;
        LogRecord record = LogReader.line(line.text(), line.no(), now);
        groups.add(source, record);
        if (query.newest()) {
            kept.addLast(new Hit(source, record, List.copyOf(recent)));
            if (kept.size() > query.maxMatches()) {
                kept.removeFirst();
            }
        } else if (kept.size() < query.maxMatches()) {
            kept.addLast(new Hit(source, record, List.copyOf(recent)));
        }
    }

    /** The lines after a hit belong to it until it has its share; only the newest few hits can still want some. */
    private void feedFollowing(String source, Line line) {
        if (query.contextLines() == 0) {
            return;
        }
        var it = kept.descendingIterator();
        int looked = 0;
        while (it.hasNext() && looked++ <= query.contextLines()) {
            Hit h = it.next();
            if (h.source.equals(source) && h.after.size() < query.contextLines() && line.no() > h.record.lineNo()
                    && line.no() - h.record.lineNo() <= query.contextLines()) {
                h.after.add(line);
            }
        }
    }
}
