package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * How often the metric moved as much before the deploy: the comparison that found a change, repeated on pairs of
 * neighbouring windows of the same lengths taken from the hours before the deploy. A metric that swings by half
 * within a day (travel times, ad prices, one host's network) passes the level bounds on most ordinary
 * afternoons; a deploy is held responsible only for a move that few of those earlier pairs made.
 *
 * <p>A metric with a weekly rhythm (quiet weekends, busy Monday mornings) makes its large moves at the same hours
 * every week, a few times in 48 windows: too rarely to look ordinary next to the other hours, though last week made
 * the same move at the same hour. Where the same hours a week earlier are known and explain more of the metric's
 * movement than its own recent hours do, the pairs are measured net of last week instead.
 *
 * @param pairs         earlier window pairs measured
 * @param asLarge       how many of them moved at least as far, in the same direction, as the deploy's windows did
 * @param netOfLastWeek whether every window, the deploy's included, was measured minus the same hours a week earlier
 */
public record EarlierWindows(int pairs, @JsonProperty("as_large") int asLarge,
                             @JsonProperty("net_of_last_week") boolean netOfLastWeek) {

    /** Figures measured on the metric's own values. */
    public EarlierWindows(int pairs, int asLarge) {
        this(pairs, asLarge, false);
    }

    /** Earlier windows looked at: a day of the default half-hour bake. */
    static final int WINDOWS_BACK = 48;
    /**
     * Pairs start every quarter window (a fractional step, rounded per pair), so a move is seen whatever the phase it
     * fell at and the pairs reach back the whole {@value #WINDOWS_BACK} windows: a whole step of one sample for a
     * window of 7 would spend the pairs on the last 27 windows.
     */
    static final int STARTS_PER_WINDOW = 4;
    /**
     * Below this, even a move no earlier pair made has an empirical p-value of 5 % or more: too little history to
     * weigh a move against, so the change stands as found.
     */
    static final int MIN_PAIRS = 20;
    /** A move that ordinary moments match more often than this is ordinary (a 5 % false-alarm rate). */
    static final double ORDINARY_SHARE = 0.05;

    /** How far before the baseline window the history for windows of this length should reach. */
    public static Duration reach(Duration window) {
        return window.multipliedBy(WINDOWS_BACK);
    }

    /**
     * The chance of a move at least this large at an ordinary moment, counting the deploy's own pair among the
     * earlier ones: (as large + 1) / (pairs + 1), the usual empirical p-value (North, Curtis and Sham, 2002). It is
     * never below 1 / (pairs + 1), so a short history cannot make a move look rarer than it can show.
     */
    double pValue() {
        return pValue(pairs, asLarge);
    }

    private static double pValue(int pairs, int asLarge) {
        return (asLarge + 1.0) / (pairs + 1.0);
    }

    /** Whether moves this large were ordinary before the deploy. */
    public boolean explains() {
        return ordinary(pairs, asLarge);
    }

    /** Whether {@code asLarge} of {@code pairs} earlier windows moving as much makes a move ordinary. */
    private static boolean ordinary(int pairs, int asLarge) {
        return pValue(pairs, asLarge) > ORDINARY_SHARE;
    }

    /** For people: "ordinary: 31 of 190 earlier windows moved as much" or "beyond 188 of 190 earlier windows". */
    public static String describe(int pairs, int asLarge) {
        return ordinary(pairs, asLarge)
                ? "ordinary: " + asLarge + " of " + pairs + " earlier windows moved as much"
                : "beyond " + (pairs - asLarge) + " of " + pairs + " earlier windows";
    }

    /** The figures a stored verdict's metric carries under {@code earlier_windows}, when it carries them. */
    public static Optional<EarlierWindows> of(JsonNode metric) {
        JsonNode e = metric.path("earlier_windows");
        return e.path("pairs").isInt() && e.path("as_large").isInt()
                ? Optional.of(new EarlierWindows(e.get("pairs").asInt(), e.get("as_large").asInt(),
                e.path("net_of_last_week").asBoolean(false))) : Optional.empty();
    }

    /** For people, as {@link #describe(int, int)}, saying so when last week's same hours were taken away. */
    public String describe() {
        return describe(pairs, asLarge) + (netOfLastWeek ? ", net of last week" : "");
    }

    /** The found-by words and the earlier windows' words together, whichever exist; {@code none} when neither. */
    public static String alongside(String foundBy, String earlier, String none) {
        if (foundBy == null || earlier == null) {
            return foundBy != null ? foundBy : earlier != null ? earlier : none;
        }
        return foundBy + "; " + earlier;
    }

    /**
     * Repeats {@code found} on the history: each earlier pair is a window of the baseline's length followed by one
     * of the current window's length, all before the deploy, the latest pair ending where the deploy's baseline
     * ends. Net of last week where {@link #weeklyRhythm} says last week explains the metric better. Null when the
     * samples hold too little history for {@value #MIN_PAIRS} pairs.
     */
    static EarlierWindows measure(MetricSamples samples, Comparison found) {
        double[] before = samples.before();
        EarlierWindows net = netOfLastWeek(samples, before, found);
        return net != null ? net : count(before, samples.baseline().length, samples.current(), found, false);
    }

    /**
     * The earlier windows measured net of last week, pairing samples by position from the deploy's moment
     * (backwards before it, forwards after it); null where last week's windows are missing or do not pair up, where
     * the metric shows no weekly rhythm, or where too little of both weeks' history overlaps.
     */
    private static EarlierWindows netOfLastWeek(MetricSamples samples, double[] before, Comparison found) {
        WeekEarlier week = samples.pairedWeekEarlier();
        if (week == null) {
            return null;
        }
        double[] netBefore = WeekEarlier.netBefore(before, week.before());
        double[] netCurrent = WeekEarlier.netAfter(samples.current(), week.current());
        if (!weeklyRhythm(lastOf(before, netBefore.length), netBefore, netCurrent.length)) {
            return null;
        }
        int b = Math.min(samples.baseline().length, week.baseline().length);
        return count(netBefore, b, netCurrent, found, true);
    }

    /**
     * The samples whose spread a level move is held to: the baseline net of last week's same moments where the metric
     * shows a weekly rhythm ({@link #weeklyRhythm}), otherwise the baseline. A daily or weekly swing that last week
     * made too is the metric's rhythm, not its noise.
     */
    static double[] spreadBasis(MetricSamples samples) {
        return rhythmic(samples) ? WeekEarlier.netBefore(samples.baseline(), samples.pairedWeekEarlier().baseline())
                : samples.baseline();
    }

    /**
     * Whether last week's same hours pair up with the deploy's windows and the metric moves less net of them
     * ({@link #weeklyRhythm}): then a move last week made too at the same moment is the metric's rhythm.
     */
    static boolean rhythmic(MetricSamples samples) {
        WeekEarlier week = samples.pairedWeekEarlier();
        if (week == null) {
            return false;
        }
        double[] before = samples.before();
        double[] netBefore = WeekEarlier.netBefore(before, week.before());
        return Math.min(samples.baseline().length, week.baseline().length) >= MetricJudgement.MIN_SAMPLES
                && weeklyRhythm(lastOf(before, netBefore.length), netBefore, samples.current().length);
    }

    /**
     * Whether the metric moves less over a window's length once last week's same hours are taken away: then its
     * moves are mostly the weekly rhythm. The choice looks only at the hours before the deploy, never at the deploy's
     * own move. For a metric without a rhythm, taking last week away only adds last week's noise.
     */
    private static boolean weeklyRhythm(double[] before, double[] netBefore, int window) {
        return wander(netBefore, window) < wander(before, window);
    }

    /**
     * The mean distance the series moves over {@code lag} samples. The mean, not the median: a rhythm's moves may be
     * a few steep hours of the week, which the median of all moves never sees.
     */
    private static double wander(double[] series, int lag) {
        if (series.length <= lag) {
            return Double.POSITIVE_INFINITY;
        }
        double total = 0;
        for (int i = lag; i < series.length; i++) {
            total += Math.abs(series[i] - series[i - lag]);
        }
        return total / (series.length - lag);
    }

    private static EarlierWindows count(double[] before, int b, double[] current, Comparison found,
            boolean netOfLastWeek) {
        int c = current.length;
        double stride = Math.max(1.0, c / (double) STARTS_PER_WINDOW);
        double size = found.sizeOf(slice(before, before.length - b, before.length), current);
        int pairs = 0;
        int asLarge = 0;
        for (int end = before.length; end - c - b >= 0 && pairs < WINDOWS_BACK * STARTS_PER_WINDOW;
                end = before.length - (int) Math.round(pairs * stride)) {
            double earlier = found.sizeOf(slice(before, end - c - b, end - c), slice(before, end - c, end));
            pairs++;
            asLarge += earlier >= size ? 1 : 0;
        }
        return pairs < MIN_PAIRS ? null : new EarlierWindows(pairs, asLarge, netOfLastWeek);
    }

    private static double[] lastOf(double[] values, int n) {
        return slice(values, values.length - n, values.length);
    }

    private static double[] slice(double[] values, int from, int to) {
        return Arrays.copyOfRange(values, from, to);
    }
}
