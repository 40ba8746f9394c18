package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.config.DurationText;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a successful deploy is checked: at the configured offsets (10 s, 30 s, 1 min, 5 min by default), then every
 * last-offset interval (every 5 min) until the bake time ends, and once more exactly at its end, where the verdict
 * becomes final. The server's flags give the default; a project's settings may set its own bake time. The schedule a
 * session follows is written into its context when it is created (see {@link #toJson}), so the brain decides from the
 * session alone and a later settings change does not move a watch that has begun.
 *
 * <p>A warm-up (none by default) leaves the first minutes after the deploy out of every comparison: a service that
 * starts cold (a JIT compiler, empty caches, connection pools filling) is slow or fails a few requests in its first
 * scrape, and that is no regression. Checks due before the warm-up ends are dropped; the window after the deploy
 * starts where the warm-up ends, and the baseline is as long, ending at the deploy.
 */
public record MonitorSchedule(List<Duration> offsets, Duration bake, Duration warmup) {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorSchedule.class);
    static final String OFFSETS = "check_offsets";
    static final String BAKE = "bake_time";
    static final String WARMUP = "warmup";
    /** A long bake with a short last offset would otherwise mean thousands of checks. */
    static final int MAX_CHECKS = 50;
    /** Bounds of the final check's first pause before asking again: the first offset, within these. */
    private static final Duration ASK_AGAIN_MIN = Duration.ofSeconds(1);
    private static final Duration ASK_AGAIN_MAX = Duration.ofSeconds(15);

    public MonitorSchedule {
        offsets = List.copyOf(offsets);
        if (bake.isNegative() || bake.isZero()) {
            throw new IllegalArgumentException("the bake time must be positive");
        }
        if (warmup.isNegative() || warmup.compareTo(bake) >= 0) {
            throw new IllegalArgumentException("the warm-up (" + DurationText.format(warmup)
                    + ") must be at least 0 and shorter than the bake time (" + DurationText.format(bake) + ")");
        }
    }

    /** A schedule without a warm-up. */
    public MonitorSchedule(List<Duration> offsets, Duration bake) {
        this(offsets, bake, Duration.ZERO);
    }

    /** Every check's offset from the deploy, ascending; the last is the bake time. */
    public List<Duration> checkOffsets() {
        List<Duration> out = new ArrayList<>(offsets.stream().filter(o -> o.isPositive() && o.compareTo(bake) < 0)
                .sorted().distinct().toList());
        Duration every = out.isEmpty() ? bake : out.getLast();
        Duration spread = bake.dividedBy(MAX_CHECKS);
        every = every.compareTo(spread) < 0 ? spread : every;
        Duration next = out.isEmpty() ? bake : out.getLast().plus(every);
        while (next.compareTo(bake) < 0) {
            out.add(next);
            next = next.plus(every);
        }
        out.add(bake);
        return out.stream().filter(o -> o.compareTo(warmup) > 0).toList();
    }

    /** When check number {@code done} (counting from 0) is due; empty once every check has run. */
    public Optional<Instant> due(Instant deployedAt, int done) {
        List<Duration> all = checkOffsets();
        return done < all.size() ? Optional.of(deployedAt.plus(all.get(done))) : Optional.empty();
    }

    /** Whether check number {@code index} is the last one, the one that makes the verdict final. */
    public boolean isLast(int index) {
        return index >= checkOffsets().size() - 1;
    }

    /**
     * When the final check asks again for metrics a source failed to give for now (Prometheus restarting, a proxy's
     * 502), after {@code tries} such tries: the schedule's first offset after the failed one, then twice and four
     * times that, while the try starts within seven first offsets of the bake's end (70 s by default). Settled at
     * once, a blip at the last moment made the verdict inconclusive though its windows could be read seconds later;
     * a source that stays down still settles it, a minute late. Empty once the time is up.
     */
    public Optional<Instant> askAgain(Instant deployedAt, int tries, Instant failedAt) {
        Duration first = offsets.stream().filter(Duration::isPositive).min(Duration::compareTo).orElse(bake);
        first = first.compareTo(ASK_AGAIN_MIN) < 0 ? ASK_AGAIN_MIN : first.compareTo(ASK_AGAIN_MAX) > 0
                ? ASK_AGAIN_MAX : first;
        Instant next = failedAt.plus(first.multipliedBy(1L << Math.min(tries, 8)));
        return next.isAfter(deployedAt.plus(bake).plus(first.multipliedBy(7))) ? Optional.empty() : Optional.of(next);
    }

    /** This schedule with the project's own bake time and warm-up, where its settings set them. */
    public MonitorSchedule forProject(JsonNode projectSettings) {
        try {
            MonitorSettings own = MonitorSettings.read(projectSettings);
            return new MonitorSchedule(offsets, own.bake() == null ? bake : own.bake(),
                    own.warmup() == null ? warmup : own.warmup());
        } catch (IllegalArgumentException e) {
            LOG.warn("a project's monitor settings are unusable ({}); its deploys are watched on the server's "
                    + "schedule", e.getMessage());
            return this;
        }
    }

    /** {@code {"check_offsets": ["10s", "30s", "1m", "5m"], "bake_time": "30m"}}, with {@code "warmup"} when set. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        offsets.forEach(d -> o.withArray(OFFSETS).add(DurationText.format(d)));
        o.put(BAKE, DurationText.format(bake));
        return warmup.isZero() ? o : o.put(WARMUP, DurationText.format(warmup));
    }

    /** The schedule a session's context holds, or empty when it holds none (sessions made before it did). */
    public static Optional<MonitorSchedule> fromJson(JsonNode node) {
        if (node == null || !node.hasNonNull(BAKE)) {
            return Optional.empty();
        }
        List<Duration> offsets = new ArrayList<>();
        node.path(OFFSETS).forEach(d -> offsets.add(DurationText.parse(d.asText())));
        Duration warmup = node.hasNonNull(WARMUP) ? DurationText.parse(node.get(WARMUP).asText()) : Duration.ZERO;
        return Optional.of(new MonitorSchedule(offsets, DurationText.parse(node.get(BAKE).asText()), warmup));
    }
}
