package dev.missioncontrol.logs;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders a {@link LogAnalysis} as plain text for a person at a terminal. */
final class LogSummaryReport {

    private static final int TEXT_WIDTH = 160;

    private final LogAnalysis analysis;
    private final int top;

    LogSummaryReport(LogAnalysis analysis, int top) {
        this.analysis = analysis;
        this.top = top;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%,d events in %,d lines, %,d templates, %,d errors, %,d warnings%n",
                analysis.events(), analysis.lines(), analysis.templates().size(), analysis.errors(),
                analysis.warnings());
        if (analysis.catchAllEvents() > 0) {
            out.printf(Locale.ROOT, "%,d events are in catch-all templates (one message shape had over %d variants):"
                    + " their <*> hide words that differ%n", analysis.catchAllEvents(),
                    TemplateMiner.MAX_TEMPLATES_PER_LEAF);
        }
        if (analysis.first() != null) {
            out.printf("from %s to %s%s%n", analysis.first(), analysis.last(),
                    analysis.zoneAssumed() ? " (times without a zone read as UTC)" : "");
        }
        printTop(out);
        printProblems(out);
        printRates(out);
    }

    private void printTop(PrintWriter out) {
        out.printf("%nTop templates%n");
        for (TemplateSummary t : analysis.templates().subList(0, Math.min(top, analysis.templates().size()))) {
            out.printf(Locale.ROOT, "%,10d  %5.1f%%  %-5s  %s%n", t.count(), 100.0 * t.count() / analysis.events(),
                    orBlank(t.mainLevel()), cut(t.template()));
        }
    }

    /** Errors first, then warnings, each in order of first appearance: the earliest is often the cause. */
    private void printProblems(PrintWriter out) {
        List<TemplateSummary> problems = analysis.templates().stream()
                .filter(t -> t.errors() + t.warnings() > 0)
                .sorted(Comparator.comparing((TemplateSummary t) -> t.errors() == 0)
                        .thenComparingLong(TemplateSummary::firstLineNo))
                .limit(top).toList();
        out.printf("%nErrors and warnings (first occurrence)%n");
        if (problems.isEmpty()) {
            out.println("  none marked by level");
        }
        for (TemplateSummary t : problems) {
            out.printf(Locale.ROOT, "  %s x%,d  first %s (line %d)  %s%n", t.errors() > 0 ? "ERROR" : "WARN ",
                    t.errors() > 0 ? t.errors() : t.warnings(), t.firstSeen() == null ? "-" : t.firstSeen(),
                    t.firstLineNo(), cut(t.template()));
            out.printf("      e.g. %s%n", cut(t.sample().lines().findFirst().orElse("")));
        }
    }

    private void printRates(PrintWriter out) {
        out.printf("%nChanges in rate (last quarter vs before, per %s)%n", bucketName());
        List<RateChanges.Change> changes = RateChanges.changes(analysis);
        for (RateChanges.Change c : changes.subList(0, Math.min(top, changes.size()))) {
            out.printf(Locale.ROOT, "  %-8s %8.1f -> %-8.1f %s%n", c.kind(), c.before(), c.after(),
                    cut(c.template().template()));
        }
        List<RateChanges.Burst> bursts = RateChanges.bursts(analysis);
        out.printf("%nBursts%n");
        for (RateChanges.Burst b : bursts.subList(0, Math.min(top, bursts.size()))) {
            out.printf(Locale.ROOT, "  %,d at %s (usually %.1f)  %s%n", b.count(), bucketStart(b.bucket()),
                    b.typical(), cut(b.template().template()));
        }
    }

    private String bucketName() {
        return analysis.timed() ? Duration.ofSeconds(analysis.bucketWidth()).toString().substring(2).toLowerCase(Locale.ROOT)
                : analysis.bucketWidth() + " lines";
    }

    private String bucketStart(int bucket) {
        long start = analysis.axisOrigin() + bucket * analysis.bucketWidth();
        return analysis.timed() ? Instant.ofEpochSecond(start).toString() : "line " + start;
    }

    private static String cut(String text) {
        return text.length() <= TEXT_WIDTH ? text : text.substring(0, TEXT_WIDTH - 1) + "…";
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }
}
