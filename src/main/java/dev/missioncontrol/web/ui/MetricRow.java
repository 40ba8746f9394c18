package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.EarlierWindows;
import dev.missioncontrol.monitor.FoundBy;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric of a monitor check (API.md's verdict object), formatted for a table row. {@code reason} says why a metric
 * has no result (too few samples, and how few); empty otherwise. {@code failing} says whether the move counts against
 * the deploy: a request rate that rose is {@code high} and harmless.
 */
public record MetricRow(String name, String baseline, String current, String ratio, String pValue, String result,
        String foundBy, String reason, boolean failing) {

    static List<MetricRow> all(JsonNode metrics) {
        List<MetricRow> rows = new ArrayList<>();
        if (metrics != null && metrics.isArray()) {
            metrics.forEach(m -> rows.add(new MetricRow(m.path("name").asText("?"), Format.number(m.get("baseline")),
                    Format.number(m.get("current")), Format.number(m.get("ratio")), Format.number(m.get("p_value")),
                    m.path("result").asText("—"), foundBy(m), m.path("reason").asText(""),
                    m.path("failing").asBoolean())));
        }
        return rows;
    }

    /**
     * Which comparison found a change ("levels", "week on week", "extremes (12.5 beyond)", "record (12.5 beyond the
     * history)", "sustained (0.4 beyond the history)", "spike (36 beyond the history)") and how it compared with
     * earlier windows; a dash when neither applies.
     */
    private static String foundBy(JsonNode m) {
        String found = FoundBy.fromWire(m.path("found_by").asText(""))
                .map(f -> f.describe(Format.number(m.get("effect")))).orElse(null);
        String earlier = EarlierWindows.of(m).map(EarlierWindows::describe).orElse(null);
        return EarlierWindows.alongside(found, earlier, "—");
    }

    /** The result as the table shows it: whether a move counts against the deploy, not only which way it went. */
    public String resultText() {
        if (failing) {
            return result + " · failing";
        }
        return result.equals("high") || result.equals("low") ? result + " · not failing" : result;
    }

    /** Red for a failing move only; a harmless one is neutral, so the eye stops at what counts. */
    public String badge() {
        if (failing) {
            return "badge bad";
        }
        return result.equals("high") || result.equals("low") ? "badge muted" : Format.badge(result);
    }
}
