package dev.missioncontrol.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** Which way a metric has to move for the deploy to have hurt the service. */
public enum Direction {
    /** Errors, failures, latency: more is worse. */
    INCREASE,
    /** Throughput, successes, requests: less is worse. */
    DECREASE,
    /** Unknown meaning: a material move either way is suspicious. */
    EITHER;

    private static final List<String> MORE_IS_WORSE = List.of("error", "fail", "latency", "duration", "5xx");
    private static final List<String> LESS_IS_WORSE = List.of("success", "throughput", "requests", "rps");

    /** Guesses the direction from the metric's name, so most metrics need no configuration. */
    public static Direction forMetric(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        // More-is-worse words win: "requests_failed_total" counts failures, not traffic.
        if (MORE_IS_WORSE.stream().anyMatch(lower::contains)) {
            return INCREASE;
        }
        if (LESS_IS_WORSE.stream().anyMatch(lower::contains)) {
            return DECREASE;
        }
        return EITHER;
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
