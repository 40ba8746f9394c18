package dev.missioncontrol.monitor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pushed metrics whose values say nothing of a deploy as they are, named like Prometheus names them: a judge that
 * took them at their word failed every deploy (an uptime falls at every restart) or compared meaningless totals
 * (a histogram bucket's running count). They are left out with the reason in the check's problems, unless the
 * project's settings name them, which says someone meant them to be judged.
 */
public final class Unjudged {
    /** {@code process_uptime_seconds}, {@code process_start_time_seconds}: when the process last started. */
    private static final Pattern RESTART_CLOCK = Pattern.compile("(?:.+_)?(?:uptime|start_time)_seconds");
    /** {@code http_request_duration_seconds_bucket}: one running count per bound ({@code le} label) of a histogram. */
    private static final Pattern BUCKET = Pattern.compile(".+_bucket");

    static final String RESTART_CLOCK_REASON = "a restart clock, which every deploy resets, says nothing of the "
            + "service's health after it (its restarts and errors do)";
    static final String BUCKET_REASON = "histogram buckets are not judged (each is a running count of the samples "
            + "under one bound); push a quantile, such as latency_p95_seconds, or ask Prometheus for "
            + "histogram_quantile(0.95, sum by (le) (rate(…_bucket[1m])))";

    private Unjudged() {
    }

    /** Why a metric of this name is not judged; empty when it is. */
    public static Optional<String> reason(String name) {
        if (RESTART_CLOCK.matcher(name).matches()) {
            return Optional.of(RESTART_CLOCK_REASON);
        }
        return BUCKET.matcher(name).matches() ? Optional.of(BUCKET_REASON) : Optional.empty();
    }
}
