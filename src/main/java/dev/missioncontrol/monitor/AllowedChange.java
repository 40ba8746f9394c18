package dev.missioncontrol.monitor;

/**
 * The allowed-change bounds: how far a metric may move before a statistically significant change
 * counts. On long windows the Mann-Whitney test calls tiny shifts significant, and on metrics
 * with daily cycles or slow drift (which make neighbouring samples alike, so the test
 * over-counts the evidence) it calls ordinary wander significant. A change must therefore clear
 * both bounds:
 *
 * @param relative fraction of the baseline's level: a stable metric moving 2 % is not a regression
 * @param spreads  multiples of the baseline's own spread: a move smaller than the metric's usual
 *                 swing is noise. Half a spread is a "medium" standardised effect.
 * @param weekSpreads multiples of the robust spread of the baseline's deviations from last week that
 *                 a week-on-week move must exceed. Those deviations are the metric's noise once its
 *                 rhythm is gone, so the bar is the usual outlier line of 3 (robust) standard
 *                 deviations; last week's own surprises show up in them as well.
 * @param extremeRanges how far beyond the baseline's highest or lowest value, in multiples of the
 *                 baseline's range, {@value #EXTREME_SAMPLES} samples after the deploy must go to count
 *                 as a change by themselves. One range: the window after the deploy would have to
 *                 hold a second, disjoint copy of the metric's whole usual band.
 * @param recordRanges how far beyond the highest or lowest value of the whole history, in multiples of the
 *                 history's range, {@value #EXTREME_SAMPLES} samples after the deploy must go to count as a
 *                 record. A tenth: a history of a day already spans the metric's busiest and quietest hours, so
 *                 its range is wide, and a metric that drifts (a warming machine, a filling disk) passes its own
 *                 high by a hair at many ordinary moments.
 * @param sustainedRanges how far beyond the highest or lowest median of the history's stretches (an eighth of a
 *                 window each), in multiples of their range, the median of a stretch after the deploy must go to
 *                 count as a sustained record. Half: stretch medians wander less than samples, so their range is
 *                 narrow, and a slow drift carries them past it by a little at ordinary moments.
 * @param spikeRanges how far beyond the highest or lowest value known before the deploy, in multiples of that
 *                 range, a single sample after it must go to count as a spike. A quarter, two and a half times
 *                 the record's tenth: one sample is held to a higher bar than two, and a glitch a quarter again
 *                 as far as the metric's whole day and last week's same hours is rare; a bad deploy's first errors
 *                 or slowest requests often are one scrape. The bar is not the only guard: a spike stands only
 *                 where earlier windows' single samples did not go as far as often ({@link EarlierWindows}).
 */
record AllowedChange(double relative, double spreads, double weekSpreads, double extremeRanges,
                     double recordRanges, double sustainedRanges, double spikeRanges) {

    static final double WEEK_SPREADS = 3.0;
    static final double EXTREME_RANGES = 1.0;
    static final double RECORD_RANGES = 0.1;
    static final double SUSTAINED_RANGES = 0.5;
    static final double SPIKE_RANGES = 0.25;
    /**
     * Two, not one: a single wild sample is as often a scrape glitch as a regression. One sample counts only as a
     * spike, far beyond everything known ({@link #spikeRanges}).
     */
    static final int EXTREME_SAMPLES = 2;
    /**
     * The fewest baseline samples whose highest and lowest values mark the metric's usual band. A new
     * sample beats all of n exchangeable ones with chance 1/(n+1), so from 19 on that is 5 % or less;
     * three or four samples (the first minute of a deploy) would make any ordinary wander an extreme.
     */
    static final int EXTREME_BASELINE = 19;
    static final AllowedChange DEFAULT = new AllowedChange(0.10, 0.5);
    /**
     * How much the spread bound grows when the metric's history is too short to weigh a move against
     * ({@link EarlierWindows}): at the default, from half a spread to a whole one, a large standardised effect. Half
     * a spread is enough only where earlier windows can still overrule it; without them a daily cycle or slow drift
     * passes half a spread on many ordinary afternoons.
     */
    static final double SPREADS_WITHOUT_HISTORY = 2.0;

    AllowedChange(double relative, double spreads) {
        this(relative, spreads, WEEK_SPREADS);
    }

    AllowedChange(double relative, double spreads, double weekSpreads) {
        this(relative, spreads, weekSpreads, EXTREME_RANGES, RECORD_RANGES, SUSTAINED_RANGES, SPIKE_RANGES);
    }

    AllowedChange withExtremeRanges(double ranges) {
        return new AllowedChange(relative, spreads, weekSpreads, ranges, recordRanges, sustainedRanges, spikeRanges);
    }

    AllowedChange withRecordRanges(double ranges) {
        return new AllowedChange(relative, spreads, weekSpreads, extremeRanges, ranges, sustainedRanges, spikeRanges);
    }

    AllowedChange withSustainedRanges(double ranges) {
        return new AllowedChange(relative, spreads, weekSpreads, extremeRanges, recordRanges, ranges, spikeRanges);
    }

    AllowedChange withSpikeRanges(double ranges) {
        return new AllowedChange(relative, spreads, weekSpreads, extremeRanges, recordRanges, sustainedRanges, ranges);
    }

    /** These bounds for a metric without the history to weigh a move against. */
    AllowedChange withoutHistory() {
        return new AllowedChange(relative, spreads * SPREADS_WITHOUT_HISTORY, weekSpreads, extremeRanges,
                recordRanges, sustainedRanges, spikeRanges);
    }

    /**
     * Whether the move from the baseline to the current window is larger than allowed. A baseline
     * of zero (no errors before the deploy) allows no relative move, and a baseline without any
     * spread allows no move at all, so 0 errors becoming 5 is never waved through.
     */
    boolean exceededBy(double[] baseline, double effect, double baselineMean, double currentMean) {
        double meanShift = Math.abs(currentMean - baselineMean);
        boolean beyondLevel = meanShift > relative * Math.abs(baselineMean);
        return beyondLevel && spreadsMoved(baseline, effect, meanShift) >= spreads;
    }

    /**
     * Whether the week-on-week move (the shift of this week's deviations from last week) is larger
     * than allowed: beyond the relative bound on the metric's level, and beyond the ordinary
     * deviation from last week seen before the deploy.
     */
    boolean exceededWeekOnWeek(double[] baselineDeviations, double effect, double level) {
        double move = Math.abs(effect);
        return move > relative * level && inSpreads(move, SampleStats.robustSpread(baselineDeviations)) > weekSpreads;
    }

    /**
     * The move in units of the baseline's spread, measured two ways and taking the larger: the
     * median shift against the robust spread sees a whole distribution moving; the mean shift
     * against the standard deviation sees sparse bursts (error counts that are mostly zero) that
     * leave every median at zero.
     */
    private static double spreadsMoved(double[] baseline, double effect, double meanShift) {
        return Math.max(
                inSpreads(Math.abs(effect), SampleStats.robustSpread(baseline)),
                inSpreads(meanShift, SampleStats.standardDeviation(baseline)));
    }

    private static double inSpreads(double move, double spread) {
        if (spread > 0) {
            return move / spread;
        }
        return move > 0 ? Double.POSITIVE_INFINITY : 0;
    }
}
