package dev.missioncontrol.agent.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A numeric trend analyze_logs fitted in one template, e.g. latency climbing or a pool filling up. */
record TrendSeen(String templateId, String label, String unit, long readings, double firstValue, double lastValue,
                 String per, double changePer, double r2, double toLimit, Quote first, Quote last) {

    static TrendSeen from(JsonNode n) {
        // the label comes from log lines, and only ever appears in the report as prose
        return new TrendSeen(n.path("template_id").asText(),
                Markdown.plain(n.path("label").asText(), Markdown.INLINE_CHARS), Views.text(n.get("unit")),
                n.path("readings").asLong(), n.path("first_value").asDouble(), n.path("last_value").asDouble(),
                n.path("per").asText(), n.path("change_per").asDouble(), n.path("r2").asDouble(),
                n.path("to_limit").asDouble(-1), reading(n.path("first"), n), reading(n.path("last"), n));
    }

    private static Quote reading(JsonNode r, JsonNode trend) {
        return new Quote(trend.path("source").asText(), r.path("line").asLong(), Views.instant(r.get("at")),
                r.path("text").asText());
    }

    boolean rising() {
        return changePer > 0;
    }

    /** Close to a limit: a percentage at 80 or more, still rising. */
    boolean nearLimit() {
        return "%".equals(unit) && rising() && lastValue >= 80;
    }

    /** "latency climbed from 120 ms to 2400 ms over 340 readings (+35.2 ms per minute, R² 0.93)" */
    String describe() {
        String u = unit == null ? "" : ("%".equals(unit) ? "%" : " " + unit);
        String line = String.format(Locale.ROOT, "%s %s from %s%s to %s%s over %,d readings (%+.1f%s per %s, R² %.2f)",
                label, rising() ? "climbed" : "fell", num(firstValue), u, num(lastValue), u, readings, changePer, u,
                per, r2);
        return toLimit >= 0 ? line + String.format(Locale.ROOT, "; at this rate it reaches 100%% in about %.0f %s",
                toLimit, per.equals("minute") ? "minutes" : "thousand lines") : line;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
