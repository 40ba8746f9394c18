package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which way a metric has to move for the deploy to have hurt the service. */
public enum Direction {
    /** Errors, failures, latency: more is worse. */
    INCREASE,
    /** Throughput, successes, requests: less is worse. */
    DECREASE,
    /** Unknown meaning: a material move either way is suspicious. */
    EITHER;

    /** What eats into what is left: a budget's burn rate is worse when it rises, though "budget" alone falls. */
    private static final List<String> EATS_WHAT_IS_LEFT = List.of("burn*");
    /** A budget, a margin or an availability left: less is worse even when the name also says "error" before it. */
    private static final List<String> WHAT_IS_LEFT = List.of("remaining*", "left", "availab*", "headroom*",
            "uptime*", "apdex*", "budget*");
    /** Bad events: more of them is worse, also when they are counted. */
    private static final List<String> FAILURES = List.of("err*", "fail*", "timeout*", "retry*", "retries", "reject*",
            "drop*", "panic*", "crash*", "restart*", "exception*", "oom*", "5xx", "4xx", "backlog");
    /** Slowness: a higher value is worse, but how many were timed is traffic. */
    private static final List<String> SLOWNESS = List.of("latenc*", "duration*", "time", "ms", "lag", "slow*");
    private static final List<String> LESS_IS_WORSE = List.of("success*", "throughput*", "request*", "traffic*",
            "rps", "qps", "tps", "2xx", "ok", "hit", "hits");
    /** Percentile names (p50, p95, p99, p999) are latencies. */
    private static final Pattern PERCENTILE = Pattern.compile("p\\d{2,3}");
    /** A histogram's or summary's count, also as its rate: {@code x_count}, {@code rate(x_count)}. */
    private static final Pattern COUNT = Pattern.compile("(?:rate\\()?(.+)_count\\)?");

    /**
     * Guesses the direction from the words of the metric's name, so most metrics need no configuration. A term with
     * a star matches the start of a word ({@code fail*}: failed, failures), one without matches a whole word, so
     * that {@code msgs_sent} is no millisecond and {@code records_retrieved} no retry.
     *
     * <p>A {@code _count} counts what its name measures: {@code http_request_duration_seconds_count} is how many
     * requests were timed, traffic that is worse when it falls, not a duration; {@code jobs_failed_count} counts
     * failures. A {@code _sum} keeps its name's direction: its rate (seconds spent serving per second) rises with
     * traffic as with slowness, and its count's rate already judges the traffic, so what the sum adds is slowness.
     */
    public static Direction forMetric(String name) {
        String text = name == null ? "" : name;
        var count = COUNT.matcher(text);
        if (count.matches()) {
            return any(words(count.group(1)), FAILURES) ? INCREASE : DECREASE;
        }
        List<String> words = words(text);
        if (any(words, EATS_WHAT_IS_LEFT)) {
            return INCREASE;
        }
        // what is left decides when it is named after any failure: error_budget_remaining is a budget, while
        // uptime_check_failures_total counts failures of a check
        if (lastIndex(words, WHAT_IS_LEFT) > lastIndex(words, FAILURES)) {
            return DECREASE;
        }
        // More-is-worse words win: "requests_failed_total" counts failures, not traffic.
        if (any(words, FAILURES) || any(words, SLOWNESS)
                || words.stream().anyMatch(w -> PERCENTILE.matcher(w).matches())) {
            return INCREASE;
        }
        return any(words, LESS_IS_WORSE) ? DECREASE : EITHER;
    }

    private static List<String> words(String name) {
        return List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
    }

    private static boolean any(List<String> words, List<String> terms) {
        return lastIndex(words, terms) >= 0;
    }

    /** Where the last word matching one of the terms stands among the words; -1 when none does. */
    private static int lastIndex(List<String> words, List<String> terms) {
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            if (terms.stream().anyMatch(t -> t.endsWith("*") ? w.startsWith(t.substring(0, t.length() - 1))
                    : w.equals(t))) {
                return i;
            }
        }
        return -1;
    }

    /** Parses {@code increase}, {@code decrease} or {@code either}, in any case. */
    public static Direction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direction must be increase, decrease or either, not '" + text + "'");
        }
    }

    /** Whether a significant move upwards ({@code high}) counts against the deploy. */
    boolean upIsBad() {
        return this != DECREASE;
    }

    /** Whether a significant move downwards ({@code low}) counts against the deploy. */
    boolean downIsBad() {
        return this != INCREASE;
    }

    /** {@code increase}, {@code decrease} or {@code either}, as settings and the API write it. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
