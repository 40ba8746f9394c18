package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.missioncontrol.monitor.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metrics that count against a deploy, in one line for wherever its verdict is read: the CI log, the deployment's
 * page and the alerts. A score is passes over metrics judged, so one failure among twenty still reads healthy (95);
 * every place that shows the verdict shows this line beside it.
 */
public final class FailingMetrics {
    private FailingMetrics() {
    }

    /**
     * "1 of 20 metrics failed: latency_p95_seconds 0.2498 → 0.4668 (1.87×)" for a verdict object (API.md), by its last
     * check; empty when no metric failed.
     */
    public static String of(JsonNode verdict) {
        List<String> moves = new ArrayList<>();
        int judged = 0;
        for (JsonNode m : lastCheck(verdict).path("metrics")) {
            judged += m.path("result").asText().equals("nodata") ? 0 : 1;
            if (m.path("failing").asBoolean()) {
                moves.add(m.path("name").asText() + " " + Figures.value(m.get("baseline")) + " → "
                        + Figures.value(m.get("current")) + (m.path("ratio").isNumber()
                        ? String.format(Locale.ROOT, " (%.2f×)", m.get("ratio").asDouble()) : ""));
            }
        }
        return moves.isEmpty() ? "" : moves.size() + " of " + judged + " metrics failed: " + String.join(", ", moves);
    }

    /** The check a verdict object was decided by, its last; a missing node when it has none. */
    public static JsonNode lastCheck(JsonNode verdict) {
        JsonNode checks = verdict == null ? MissingNode.getInstance() : verdict.path("checks");
        return checks.isEmpty() ? MissingNode.getInstance() : checks.get(checks.size() - 1);
    }

    /** The last check's failing metrics. */
    public static List<JsonNode> failing(JsonNode verdict) {
        List<JsonNode> failing = new ArrayList<>();
        lastCheck(verdict).path("metrics").forEach(m -> {
            if (m.path("failing").asBoolean()) {
                failing.add(m);
            }
        });
        return failing;
    }

    /** Whether a verdict in this state reads as good news, so that failures beside it need a "but". */
    public static boolean outvoted(String state) {
        return state.equals("healthy") || state.equals("marginal");
    }
}
