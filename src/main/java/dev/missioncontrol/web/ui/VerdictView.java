package dev.missioncontrol.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployment's verdict (API.md's verdict object) for a page. A deployment the monitor has not judged yet is
 * {@code pending}, as in the API.
 */
public record VerdictView(String state, String score, String decidedAt, List<CheckView> checks) {

    /** One check: when it ran and each metric's comparison. */
    public record CheckView(String at, List<MetricRow> metrics) {
    }

    static VerdictView of(JsonNode verdict) {
        if (verdict == null || verdict.isNull() || !verdict.isObject()) {
            return new VerdictView("pending", "—", "", List.of());
        }
        List<CheckView> checks = new ArrayList<>();
        verdict.path("checks").forEach(c -> checks.add(new CheckView(c.path("at").asText(""),
                MetricRow.all(c.path("metrics")))));
        return new VerdictView(verdict.path("state").asText("pending"), score(verdict.get("score")),
                verdict.path("decided_at").asText(""), checks);
    }

    /** The share of metrics that passed, as a whole percentage: "33", not "33.333". */
    private static String score(JsonNode score) {
        return score != null && score.isNumber() ? Long.toString(Math.round(score.asDouble())) : "—";
    }

    public String badge() {
        return Format.badge(state);
    }
}
