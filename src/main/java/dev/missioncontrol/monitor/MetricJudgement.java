package dev.missioncontrol.monitor;

import java.util.Locale;
import java.util.Optional;

/**
 * Compares one metric's current window with its baseline window, following Kayenta's approach: a
 * Mann-Whitney U test says whether the two windows differ, a Hodges-Lehmann effect size says by
 * how much, and allowed-change bounds keep significant but immaterial moves a pass.
 *
 * <p>Central values are means, not medians: many deploy metrics are sparse counts (errors per
 * scrape, mostly zero) whose median stays at zero through a burst, and a ratio of means is the
 * ratio of totals that people mean by "errors doubled".
 */
public final class MetricJudgement {

    /** 98 % confidence. */
    static final double ALPHA = Comparison.ALPHA;
    /** Fewer samples than this on either side and the rank test has nothing to rank: nodata. */
    static final int MIN_SAMPLES = 3;
    /** Below this magnitude a baseline mean counts as zero, and no ratio is given. */
    private static final double ZERO = 1e-9;
    /**
     * Samples larger than this are judged in a larger unit. The judge's largest figures are squares of differences
     * between samples summed over a window (a standard deviation): below 1e100 they stay under 1e201 each, far from
     * a double's 1.8e308 however long the window, while samples near 1e308 overflow even a mean. No measured quantity
     * comes near it (nanoseconds since 1970 are 2e18).
     */
    static final double LARGEST_IN_OWN_UNIT = 1e100;

    private MetricJudgement() {
    }

    /** Judges one metric with the default allowed-change bounds. */
    public static MetricResult judge(MetricSamples samples) {
        return judge(samples, AllowedChange.DEFAULT);
    }

    /**
     * Judges samples too large for the judge's arithmetic in a unit of a power of two near their largest value.
     * Multiplying by a power of two rounds nothing (but samples some 1e-290 of the largest, far below rounding next to
     * it), and every comparison is the same in any unit, so the outcome is the one the samples would get if doubles
     * had room for them. The figures come back in the metric's own unit; a baseline below a billionth of that power
     * of two counts as zero for the ratio.
     */
    static MetricResult judge(MetricSamples samples, AllowedChange bounds) {
        double magnitude = samples.magnitude();
        if (!(magnitude > LARGEST_IN_OWN_UNIT)) {
            return judgeAsGiven(samples, bounds);
        }
        int exponent = Math.getExponent(magnitude);
        return scaled(judgeAsGiven(samples.scaledBy(-exponent), bounds), exponent);
    }

    private static MetricResult judgeAsGiven(MetricSamples samples, AllowedChange bounds) {
        double[] baseline = samples.baseline();
        double[] current = samples.current();
        Optional<Outcome> unbounded = unbounded(samples.infinite());
        if (unbounded.isPresent()) {
            return withSeverity(new MetricResult(samples.name(), mean(baseline), mean(current), null, null,
                    unbounded.get(), null, null, samples.direction(), false, FoundBy.UNBOUNDED, null),
                    samples.critical());
        }
        if (baseline.length < MIN_SAMPLES || current.length < MIN_SAMPLES) {
            return noData(samples);
        }
        Comparison comparison = compare(samples, bounds);
        double baselineMean = SampleStats.mean(baseline);
        double currentMean = SampleStats.mean(current);
        if (!comparison.changed() && tooFewToPass(baseline.length, current.length)) {
            return new MetricResult(samples.name(), baselineMean, currentMean, ratio(baselineMean, currentMean),
                    comparison.pValue(), Outcome.NODATA, null, null, samples.direction(), samples.critical(), null,
                    null, tooFewReason(baseline.length, current.length));
        }
        MetricResult unjudged = new MetricResult(samples.name(), baselineMean, currentMean,
                ratio(baselineMean, currentMean), comparison.pValue(), comparison.outcome(), comparison.effect(),
                null, samples.direction(), false, comparison.changed() ? comparison.foundBy() : null,
                comparison.earlier());
        return withSeverity(unjudged, samples.critical());
    }

    /**
     * Whether the metric went infinite in its bad direction since the deploy and never before it ({@link
     * FoundBy#UNBOUNDED}). Two samples, as extremes and records ask: one scrape of errors / successes in a quiet
     * moment with no success is a glitch, a total outage lasts.
     */
    static Optional<Outcome> unbounded(MetricSamples.Infinite infinite) {
        if (infinite.before() > 0) {
            return Optional.empty();
        }
        return infinite.rising() >= AllowedChange.EXTREME_SAMPLES ? Optional.of(Outcome.HIGH)
                : infinite.falling() >= AllowedChange.EXTREME_SAMPLES ? Optional.of(Outcome.LOW) : Optional.empty();
    }

    private static Double mean(double[] values) {
        return values.length == 0 ? null : SampleStats.mean(values);
    }

    /**
     * Whether windows this small make a pass meaningless: the rank test could not call even the largest move
     * significant, so a pass would only say that the levels comparison could not look (eleven times the latency
     * on three samples a side passed). The other comparisons can still find a change; when none does, the metric
     * has too few samples to say it is fine, and is left out of the score as a metric without data is.
     */
    private static boolean tooFewToPass(int before, int after) {
        return Comparison.smallestPValue(before, after) >= ALPHA;
    }

    private static String tooFewReason(int before, int after) {
        return String.format(Locale.ROOT, "too few samples to pass: with %d before the deploy and %d after it the "
                + "rank test's p-value cannot go below %.4f, and a change needs less than %s; no other comparison "
                + "found one", before, after, Comparison.smallestPValue(before, after), ALPHA);
    }

    /**
     * Against the window before the deploy first, by the stricter {@link AllowedChange#withoutHistory} bounds when
     * the history is too short to weigh the move against; where last week's windows exist, a move that is
     * ordinary next to the window before (a Monday after a Sunday) but not next to last week's
     * same hours (traffic a third lower than last Thursday) counts too; then a few samples far
     * beyond anything in the window before the deploy (a latency spike the median never sees); then a few
     * samples beyond anything in the whole history (a spike no higher than the busiest hour's swings, but higher
     * than any all day); then a few minutes whose median lies beyond that of any such minutes all day (errors for
     * four minutes of the bake, diluted by the rest of it); and last, a single sample beyond the whole history by far
     * more than a record needs (a bad deploy's first errors in one scrape) ({@link Records}). A move found by levels,
     * extremes or a record that the metric made as often between earlier windows does not count
     * ({@link EarlierWindows}). The comparison that found the change is the one reported.
     */
    private static Comparison compare(MetricSamples samples, AllowedChange bounds) {
        Comparison levels = unlessHistoryTooShort(samples,
                unlessOrdinary(samples, Comparison.ofLevels(samples.baseline(), samples.current(),
                        EarlierWindows.spreadBasis(samples), bounds), bounds), bounds);
        if (levels.changed()) {
            return levels;
        }
        if (samples.pairedWeekEarlier() != null) {
            Comparison weekOnWeek = Comparison.ofWeekOnWeek(samples, bounds);
            if (weekOnWeek.changed()) {
                return weekOnWeek;
            }
        }
        Comparison extremes = material(samples, unlessOrdinary(samples, Comparison.ofExtremes(samples,
                levels.pValue(), bounds), bounds), bounds);
        if (extremes.changed()) {
            return extremes;
        }
        Records records = Records.of(samples);
        Comparison record = material(samples, weighedAgainstHistory(samples, records.record(levels.pValue(), bounds)),
                bounds);
        if (record.changed()) {
            return record;
        }
        Comparison sustained = material(samples, weighedAgainstHistory(samples, records.sustained(levels.pValue(),
                bounds)), bounds);
        if (sustained.changed()) {
            return sustained;
        }
        Comparison spike = material(samples, weighedAgainstHistory(samples, records.spike(levels.pValue(), bounds)),
                bounds);
        if (spike.changed()) {
            return spike;
        }
        return levels.earlier() == null && extremes.earlier() != null ? levels.with(extremes.earlier()) : levels;
    }

    /**
     * A breakout that takes the metric, the way it found, no further past the baseline's median than the relative
     * bound a level move must pass (10 %) is no regression, however still the metric held before: a p95 latency from
     * a rate over a minute, scraped every few seconds, barely moves, so 0.2306 s to 0.2333 s cleared its band and
     * earlier windows alike. The median, not the mean: a few bursts lift an error count's mean above minutes that are
     * worse than any before.
     */
    private static Comparison material(MetricSamples samples, Comparison found, AllowedChange bounds) {
        if (!found.changed()) {
            return found;
        }
        double level = SampleStats.median(samples.baseline());
        boolean up = found.outcome() != Outcome.LOW;
        // sizeOf gives a move down negated, so this is how far past the level the window went, the bad way
        double past = found.sizeOf(samples.baseline(), samples.current()) - (up ? level : -level);
        return past > bounds.relative() * Math.abs(level) ? found : found.passing();
    }

    /** A level change without earlier windows to weigh it against, held to the stricter bounds for that. */
    private static Comparison unlessHistoryTooShort(MetricSamples samples, Comparison levels, AllowedChange bounds) {
        if (!levels.changed() || levels.earlier() != null) {
            return levels;
        }
        double[] baseline = samples.baseline();
        return bounds.withoutHistory().exceededBy(EarlierWindows.spreadBasis(samples), levels.effect(),
                SampleStats.mean(baseline), SampleStats.mean(samples.current())) ? levels : levels.passing();
    }

    /**
     * The comparison as found, with the earlier windows' figures where there is enough history; a pass when the
     * metric moved as much between ordinary earlier windows. Without enough history, a metric with a weekly rhythm
     * still has last week's same hours: the move must show net of them too, since a day of busy hours after quiet
     * nights triples a latency every morning, and last week it tripled the same.
     */
    private static Comparison unlessOrdinary(MetricSamples samples, Comparison found, AllowedChange bounds) {
        if (!found.changed()) {
            return found;
        }
        EarlierWindows earlier = EarlierWindows.measure(samples, found);
        if (earlier != null) {
            return found.weighedBy(earlier);
        }
        return EarlierWindows.rhythmic(samples) && Comparison.ofWeekOnWeek(samples, bounds).outcome() != found.outcome()
                ? found.passing() : found;
    }

    /**
     * A record with the earlier windows' figures, standing only where the history held enough of them: beating the
     * extremes of a few windows is ordinary. Net of last week, a record the weekly rhythm explains is ordinary too.
     */
    private static Comparison weighedAgainstHistory(MetricSamples samples, Comparison record) {
        if (!record.changed()) {
            return record;
        }
        EarlierWindows earlier = EarlierWindows.measure(samples, record);
        return earlier == null ? record.passing() : record.weighedBy(earlier);
    }

    private static Double ratio(double baselineMean, double currentMean) {
        return Math.abs(baselineMean) < ZERO ? null : currentMean / baselineMean;
    }

    /** Grades only failing metrics; a metric that fails at critical severity is critical. */
    private static MetricResult withSeverity(MetricResult result, boolean configuredCritical) {
        if (!result.failing()) {
            return copy(result, null, configuredCritical);
        }
        Severity severity = severity(result.ratio(), result.result());
        return copy(result, severity, configuredCritical || severity == Severity.CRITICAL);
    }

    /**
     * A missing or non-positive ratio means the metric appeared from nothing or dropped to nothing
     * (or crossed zero): as bad as a move gets.
     */
    private static Severity severity(Double ratio, Outcome outcome) {
        if (ratio == null || ratio <= 0) {
            return Severity.CRITICAL;
        }
        return Severity.ofWorseningRatio(outcome == Outcome.HIGH ? ratio : 1 / ratio);
    }

    /** The result with its figures multiplied by two to the power {@code exponent}: back in the metric's own unit. */
    private static MetricResult scaled(MetricResult r, int exponent) {
        return new MetricResult(r.name(), scaled(r.baseline(), exponent), scaled(r.current(), exponent), r.ratio(),
                r.pValue(), r.result(), scaled(r.effect(), exponent), r.severity(), r.direction(), r.critical(),
                r.foundBy(), r.earlierWindows(), r.reason());
    }

    private static Double scaled(Double value, int exponent) {
        return value == null ? null : Math.scalb(value, exponent);
    }

    private static MetricResult copy(MetricResult r, Severity severity, boolean critical) {
        return new MetricResult(r.name(), r.baseline(), r.current(), r.ratio(), r.pValue(), r.result(),
                r.effect(), severity, r.direction(), critical, r.foundBy(), r.earlierWindows());
    }

    private static MetricResult noData(MetricSamples samples) {
        return new MetricResult(samples.name(), meanOrNull(samples.baseline()), meanOrNull(samples.current()),
                null, null, Outcome.NODATA, null, null, samples.direction(), samples.critical(), null, null,
                samples(samples.baseline().length) + " before the deploy and " + samples.current().length
                        + " after it: the rank test needs at least " + MIN_SAMPLES + " on each side");
    }

    private static String samples(int count) {
        return count + (count == 1 ? " sample" : " samples");
    }

    private static Double meanOrNull(double[] values) {
        return values.length == 0 ? null : SampleStats.mean(values);
    }
}
