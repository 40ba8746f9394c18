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
        JsonNode e = m.path("earlier_windows");
        String earlier = e.path("pairs").isInt() && e.path("as_large").isInt()
                ? EarlierWindows.describe(e.get("pairs").asInt(), e.get("as_large").asInt()) : null;
        return new MetricMove(m.path("name").asText(), m.path("result").asText(), m.path("baseline").asDouble(),
                m.path("current").asDouble(), m.hasNonNull("ratio") ? m.get("ratio").asDouble() : null, earlier);
    }

    /** Whether the metric moved, but no further than it often did before: a pass with earlier windows that say so. */
    static boolean ordinary(JsonNode m) {
        JsonNode e = m.path("earlier_windows");
        return "pass".equals(m.path("result").asText()) && e.path("pairs").isInt()
                && EarlierWindows.ordinary(e.get("pairs").asInt(), e.path("as_large").asInt());
    }

    String describe() {
        String by = ratio == null ? "from zero" : String.format(Locale.ROOT, "%.2f×", ratio);
        String move = String.format(Locale.ROOT, "%s %s %s (mean %.4g before, %.4g after)", name, result, by,
                baseline, current);
        return earlier == null ? move : move + ", " + earlier;
    }
}
