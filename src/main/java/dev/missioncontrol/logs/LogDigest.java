package dev.missioncontrol.logs;

import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a log stream into a {@link LogAnalysis}: every event is read, its message mined into a template, and
 * per-template counts, levels, first and last times, a sample and a histogram are kept. Memory grows with
 * the number of templates, not with the size of the log.
 */
public final class LogDigest {

    private final TemplateMiner miner = new TemplateMiner();
    private final Timeline timeline = new Timeline();
    private final List<TemplateTally> tallies = new ArrayList<>();
    private long events;
    private long lines;
    private long errors;
    private long warnings;
    private Instant first;
    private Instant last;
    private Boolean timed;
    private boolean zoneAssumed;
    private boolean zoneNamed;
    private long lastPosition;

    public static LogAnalysis analyze(Reader in) {
        return analyze(new LogReader(in));
    }

    /** Digests events already read, e.g. from a {@link LogReader} with a chosen reference year. */
    public static LogAnalysis analyze(Iterator<LogRecord> events) {
        LogDigest digest = new LogDigest();
        events.forEachRemaining(digest::add);
        return digest.result();
    }

    /** Takes one event in; returns the id of its template. */
    public int add(LogRecord event) {
        int id = miner.add(event.message(), event.isError() || event.isWarning());
        while (tallies.size() < id) {
            tallies.add(new TemplateTally(timeline.newSeries()));
        }
        TemplateTally tally = tallies.get(id - 1);
        tally.add(event);
        events++;
        lines += event.lineCount();
        errors += event.isError() ? 1 : 0;
        warnings += event.isWarning() ? 1 : 0;
        place(tally, event);
        return id;
    }

    /** Whether the event just added is now its template's sample, the event its first line and time refer to. */
    public boolean sampled(int id, LogRecord event) {
        return tallies.get(id - 1).sampled(event);
    }

    /**
     * The axis is chosen by the first event: time if it carries a timestamp, else line numbers. On a time axis
     * an event without a timestamp (a stray untimed line) is placed at the last time seen.
     */
    private void place(TemplateTally tally, LogRecord event) {
        Instant at = event.timestamp();
        if (timed == null) {
            timed = at != null;
        }
        if (at != null) {
            zoneAssumed |= event.zoneAssumed();
            zoneNamed |= !event.zoneAssumed();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        long position = timed ? (at != null ? at.getEpochSecond() : lastPosition) : event.lineNo();
        lastPosition = Math.max(lastPosition, position);
        timeline.count(tally.histogram(), position);
    }

    public LogAnalysis result() {
        int buckets = timeline.used(lastPosition);
        List<TemplateSummary> summaries = new ArrayList<>(tallies.size());
        for (int i = 0; i < tallies.size(); i++) {
            summaries.add(tallies.get(i).summary(miner.template(i + 1), buckets));
        }
        summaries.sort(Comparator.comparingLong(TemplateSummary::count).reversed()
                .thenComparingLong(TemplateSummary::firstLineNo));
        return new LogAnalysis(events, lines, errors, warnings, first, last, Boolean.TRUE.equals(timed),
                zoneAssumed, zoneNamed, timeline.origin(), timeline.width(), buckets, List.copyOf(summaries));
    }
}
