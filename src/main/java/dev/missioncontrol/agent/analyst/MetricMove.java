package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.EarlierWindows;
import java.util.Locale;

/**
 * A metric of the project that moved at the first bad line, as compare_windows judged it: the bad way, or as far
 * as it often did before ({@code earlier} then says how often).
 */
record MetricMove(String name, String result, double baseline, double current, Double ratio, String earlier) {

    static MetricMove from(JsonNode m) {
        return new MetricMove(m.path("name").asText(), m.path("result").asText(), m.path("baseline").asDouble(),
                m.path("current").asDouble(), m.hasNonNull("ratio") ? m.get("ratio").asDouble() : null,
                EarlierWindows.of(m).map(EarlierWindows::describe).orElse(null));
    }

    /** Whether the metric moved, but no further than it often did before: a pass with earlier windows that say so. */
    static boolean ordinary(JsonNode m) {
        return "pass".equals(m.path("result").asText()) && EarlierWindows.of(m).filter(EarlierWindows::explains)
                .isPresent();
    }

    String describe() {
        String by = ratio == null ? "from zero" : String.format(Locale.ROOT, "%.2f×", ratio);
        String move = String.format(Locale.ROOT, "%s %s %s (mean %.4g before, %.4g after)", name, result, by,
                baseline, current);
        return earlier == null ? move : move + ", " + earlier;
    }
}
