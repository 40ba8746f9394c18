package dev.missioncontrol.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.monitor.Figures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A final verdict as {@code deploy --wait} prints it into a CI log, which is often all anyone reads: the verdict with
 * the metrics that failed even when the score outvoted them, the last check's table with failing rows marked, what
 * was not checked, and other deployments whose changes the windows also hold. A web page must not be needed to learn
 * that a metric failed or could not be read, or that the move may be another deploy's.
 */
final class VerdictLines {
    private VerdictLines() {
    }

    static void print(JsonNode deployment, PrintWriter out) {
        JsonNode verdict = deployment.path("verdict");
        String state = verdict.path("state").asText("pending");
        JsonNode last = FailingMetrics.lastCheck(verdict);
        out.println("Verdict: " + state + (verdict.hasNonNull("score") ? " (score " + verdict.get("score").asText()
                + ")" : "") + why(deployment, state) + failed(state, verdict));
        for (JsonNode m : last.path("metrics")) {
            out.printf("  %-28s baseline %-10s current %-10s ratio %-8s p %-8s %s%n", m.path("name").asText(),
                    Figures.value(m.get("baseline")), Figures.value(m.get("current")),
                    Figures.value(m.get("ratio")), Figures.pValue(m.get("p_value")), result(m));
        }
        List<String> unchecked = notChecked(last);
        if (!unchecked.isEmpty()) {
            out.println("Not checked (the verdict does not cover these):");
            unchecked.forEach(line -> out.println("  - " + line));
        }
        JsonNode others = verdict.path("other_deployments");
        if (!others.isEmpty()) {
            out.println("Other deployments landed within the compared windows, so their changes count here too; "
                    + "check whether a move is theirs before rolling this one back:");
            others.forEach(o -> out.println("  - " + o.path("id").asText() + ", commit "
                    + o.path("commit_sha").asText("unknown") + ", " + o.path("status").asText() + ", at "
                    + o.path("created_at").asText()));
        }
    }

    /** Every failing metric, with how many were judged, also when the score outvoted them. */
    private static String failed(String state, JsonNode verdict) {
        String failed = FailingMetrics.of(verdict);
        return failed.isEmpty() ? "" : (FailingMetrics.outvoted(state) ? ", but " : ": ") + failed;
    }

    /**
     * The result column: a failing move stands out; a move the other way is said not to count, so that "high" on a
     * request rate does not read as the reason for the verdict.
     */
    private static String result(JsonNode m) {
        String result = m.path("result").asText();
        if (m.path("failing").asBoolean()) {
            return "FAILING (" + result + (m.path("critical").asBoolean() ? ", critical" : "") + ")";
        }
        if (result.equals("high") || result.equals("low")) {
            return result + ", not failing (" + badWay(m.path("direction").asText()) + ")";
        }
        return result;
    }

    private static String badWay(String direction) {
        return switch (direction) {
            case "increase" -> "only a rise is bad";
            case "decrease" -> "only a fall is bad";
            default -> "an ordinary move for it";
        };
    }

    /** The last check's metrics without data and the causes that kept others out, each with why. */
    private static List<String> notChecked(JsonNode last) {
        List<String> lines = new ArrayList<>();
        for (JsonNode m : last.path("metrics")) {
            if (m.path("result").asText().equals("nodata")) {
                lines.add(m.path("name").asText() + ": no result, " + m.path("reason")
                        .asText("too few samples on a side of the deploy"));
            }
        }
        // a metric that went quiet gives its problem as its reason: said once
        List<String> reasons = new ArrayList<>();
        last.path("metrics").forEach(m -> reasons.add(m.path("reason").asText()));
        last.path("problems").forEach(p -> {
            if (!reasons.contains(p.asText())) {
                lines.add(p.asText());
            }
        });
        return lines;
    }

    /**
     * Why a verdict failed or decided nothing, where the deployment says (the deploy failed or was cancelled, no
     * check ran, or the last check's first problem, such as Prometheus answering 502): a CI log should not leave that
     * to a web page, nor a bare "failed" read as a failing metric.
     */
    private static String why(JsonNode deployment, String state) {
        if (state.equals("failed")) {
            return ": the deploy itself failed" + (deployment.path("status").asText().equals("failure")
                    ? " (its event says status failure), so no metric was judged" : "");
        }
        if (!state.equals("inconclusive")) {
            return "";
        }
        if (deployment.path("status").asText().equals("cancelled")) {
            return ": the deploy was cancelled, so nothing was verified";
        }
        JsonNode problems = FailingMetrics.lastCheck(deployment.path("verdict")).path("problems");
        if (deployment.path("verdict").path("checks").isEmpty()) {
            return ": the watch ended before any check ran (see the deployment's page)";
        }
        return problems.isEmpty() ? "" : ": " + problems.get(0).asText()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more below)" : "");
    }
}
