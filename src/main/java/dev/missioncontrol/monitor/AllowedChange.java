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
 */
record AllowedChange(double relative, double spreads) {

    static final AllowedChange DEFAULT = new AllowedChange(0.10, 0.5);

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
