package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A metric of the project that moved the bad way at the first bad line, as compare_windows judged it. */
record MetricMove(String name, String result, double baseline, double current, Double ratio) {

    static MetricMove from(JsonNode m) {
        return new MetricMove(m.path("name").asText(), m.path("result").asText(), m.path("baseline").asDouble(),
                m.path("current").asDouble(), m.hasNonNull("ratio") ? m.get("ratio").asDouble() : null);
    }

    String describe() {
        String by = ratio == null ? "from zero" : String.format(Locale.ROOT, "%.2f×", ratio);
        return String.format(Locale.ROOT, "%s %s %s (mean %.4g before, %.4g after)", name, result, by, baseline,
                current);
    }
}
