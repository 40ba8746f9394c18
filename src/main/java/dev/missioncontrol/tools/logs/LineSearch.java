package dev.missioncontrol.tools.logs;

import dev.missioncontrol.agent.Redactor;
import dev.missioncontrol.logs.LogReader;
import dev.missioncontrol.logs.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

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
    /**
     * Lines the redactor sees before and after each hit, however few were asked for: a value is a secret by the name
     * above it (kubectl's {@code - name: DB_PASSWORD}, a YAML {@code password: |} block), a key's short last line by
     * the END marker below it. Redacted alone, such a line shows its secret, and its match counts it.
     */
    static final int SEEN_BEFORE = 6;
    static final int SEEN_AFTER = 2;

    record Line(long no, String text) {
    }

    /** One matching line with the lines around it: those asked for, or more for the redactor. */
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

        /** The texts of the lines before, the hit, and the lines after, in order; the hit at before.size(). */
        List<String> texts(int chars) {
            List<String> texts = new ArrayList<>(before.size() + 1 + after.size());
            before.forEach(l -> texts.add(head(l.text(), chars)));
            texts.add(head(record.raw(), chars));
            after.forEach(l -> texts.add(head(l.text(), chars)));
            return texts;
        }
    }

    private final SearchQuery query;
    private final Instant now;
    /** The zone of times that name none, per source, as analyze_logs reads them ({@link SourceZones}). */
    private final Map<String, ZoneOffset> zones;
    private final long deadline;
    private final Deque<Hit> kept = new ArrayDeque<>();
    /** Hits whose lines after have not all been read: whether they count waits for them. */
    private final Deque<Hit> pending = new ArrayDeque<>();
    private final int around;
    private long checked;
    private boolean metSecret;
    final MatchGroups groups = new MatchGroups();
    final List<String> searched = new ArrayList<>();
    long total;
    long lines;
    boolean outOfTime;

    /** @param now when the session began: lines without a year are placed before it, as analyze_logs places them */
    LineSearch(SearchQuery query, Instant now, Map<String, ZoneOffset> zones) {
        this.query = query;
        this.now = now;
        this.zones = zones;
        this.deadline = System.nanoTime() + BUDGET.toNanos();
        this.around = Math.max(query.contextLines(), Math.max(SEEN_BEFORE, SEEN_AFTER));
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
        ZoneOffset unzoned = zones.getOrDefault(source.name(), ZoneOffset.UTC);
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
                judgePending(false);
                if (query.pattern().matcher(new GuardedText(head(text, SCAN_CHARS), deadline)).find()) {
                    pending.addLast(new Hit(source.name(), LogReader.line(text, no, now, unzoned), List.copyOf(recent)));
                }
                recent.addLast(line);
                if (recent.size() > around) {
                    recent.removeFirst();
                }
            }
            judgePending(true);
        } catch (GuardedText.OutOfTime e) {
            outOfTime = true;
            pending.clear(); // unjudged, so uncounted: the summary says the search stopped
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hits are judged in order once they have the lines after them that the redactor needs, or their source ends. */
    private void judgePending(boolean sourceEnded) {
        while (!pending.isEmpty() && (sourceEnded || pending.peekFirst().after.size() >= SEEN_AFTER)) {
            Hit h = pending.removeFirst();
            if (seen(h)) {
                onHit(h);
            }
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
    private boolean seen(Hit h) {
        if (checked >= CHECKED_MATCHES && !metSecret) {
            return true;
        }
        checked++;
        String head = head(h.record.raw(), SCAN_CHARS);
        String shown = Redactor.redactLines(h.texts(SCAN_CHARS), h.before.size(), h.before.size() + 1).getFirst();
        boolean seen = shown.equals(head) || query.pattern().matcher(new GuardedText(shown, deadline)).find();
        metSecret |= !seen;
        return seen;
    }

    private void onHit(Hit h) {
        total++;
        int at = h.before.size();
        groups.add(h.source, h.record, () -> Redactor.redactLines(h.texts(SCAN_CHARS), at, at + 1).getFirst());
        if (query.newest()) {
            kept.addLast(h);
            if (kept.size() > query.maxMatches()) {
                kept.removeFirst();
            }
        } else if (kept.size() < query.maxMatches()) {
            kept.addLast(h);
        }
    }

    /** The lines after a hit belong to it until it has its share; only the newest few hits can still want some. */
    private void feedFollowing(String source, Line line) {
        pending.forEach(h -> h.after.add(line));
        var it = kept.descendingIterator();
        while (it.hasNext()) {
            Hit h = it.next();
            if (!h.source.equals(source) || line.no() - h.record.lineNo() > around) {
                return;
            }
            if (h.after.size() < around) {
                h.after.add(line);
            }
        }
    }

    /** The start of a text too long to read whole; what is shown of it is cut shorter still. */
    static String head(String text, int chars) {
        return text.length() > chars ? text.substring(0, chars) : text;
    }
}
