package dev.missioncontrol.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A metric that reported before the deploy and stopped part-way through the watch: what a new version that crashes
 * or hangs a few seconds in shows, or a metrics pipeline that broke. Its first samples alone would pass it, so the
 * judge names it and leaves it without a result ({@link Judge#check}): a service whose every metric went quiet is
 * inconclusive, while one series that ended among others still reporting (an error series the new version never
 * created) leaves them to decide.
 *
 * @param lastSample when its last sample since the deploy came, counted from the deploy
 * @param watch      how long the watch has run at this check, counted from the deploy
 */
public record WentQuiet(String metric, Duration lastSample, Duration watch) {
    /**
     * How many of the metric's usual intervals must pass without a sample: a late scrape or a push a few samples
     * behind is no silence.
     */
    static final int USUAL_INTERVALS = 5;
    /**
     * The share of the judged window that must pass without a sample, too: a client pushing a minute's samples at
     * once leaves a minute without any, which in a 30-minute bake is ordinary and in a 20-second one is all of it.
     */
    static final double WINDOW_SHARE = 0.25;

    /**
     * Whether the metric went quiet by {@code at}: its last sample in the window judged after the deploy (which
     * starts at {@code windowStart}, after any warm-up) lies further back than both {@link #USUAL_INTERVALS} of its
     * cadence in the window before the deploy and {@link #WINDOW_SHARE} of the window. Empty with fewer than two
     * samples before the deploy (no cadence to go by) or none after it, which {@link Judge} names as silence.
     *
     * @param before the moments of its samples in the window before the deploy, oldest first
     * @param since  the moments of its samples in the window after the deploy, oldest first
     */
    public static Optional<WentQuiet> of(String metric, List<Instant> before, List<Instant> since, Instant deployed,
            Instant windowStart, Instant at) {
        if (before.size() < 2 || since.isEmpty()) {
            return Optional.empty();
        }
        Duration usual = Duration.between(before.getFirst(), before.getLast()).dividedBy(before.size() - 1);
        Duration quiet = Duration.between(since.getLast(), at);
        Duration window = Duration.between(windowStart, at);
        boolean wentQuiet = quiet.compareTo(usual.multipliedBy(USUAL_INTERVALS)) > 0
                && quiet.toMillis() > WINDOW_SHARE * window.toMillis();
        return wentQuiet ? Optional.of(new WentQuiet(metric, Duration.between(deployed, since.getLast()),
                Duration.between(deployed, at))) : Optional.empty();
    }

    /**
     * "no samples for error_rate since +4s of a 20s watch: …", the line a CI log prints. A series can also end because
     * the new version no longer writes it (an error counter's label set created only when an error happens).
     */
    String problem() {
        return "no samples for " + metric + " since +" + VerifyDeploy.seconds(lastSample) + " of a "
                + VerifyDeploy.seconds(watch) + " watch: the service may be down, its metrics pipeline broken, or the "
                + "series no longer written";
    }
}
