package dev.missioncontrol.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.util.List;
import java.util.Optional;

/**
 * Why a deploy could not be judged and what would let the monitor judge the next one, in the words of the monitor's
 * report, which the deployment page repeats. {@code where} says where the rest is told: "under Not checked" in the
 * report, the checks' list on the page.
 */
public final class Inconclusive {
    /**
     * The field of a verdict that the monitor session's end settled ({@code cancelled}, {@code failed} or
     * {@code completed}): a watch stopped by hand decided nothing, whatever its last check lacked.
     */
    public static final String SESSION_ENDED = "session_ended";

    private Inconclusive() {
    }

    /**
     * For a verdict object as API.md describes it: why it is inconclusive, and what to do; empty for any other state.
     */
    public static Optional<String> explain(JsonNode verdict, String where) {
        if (verdict == null || !"inconclusive".equals(verdict.path("state").asText())) {
            return Optional.empty();
        }
        JsonNode checks = verdict.path("checks");
        String ended = verdict.path(SESSION_ENDED).asText("");
        if (ended.equals("cancelled") || ended.equals("failed")) {
            return Optional.of("The monitor session was " + ended + " before the bake time ended"
                    + (checks.isEmpty() ? ", before any check ran" : "") + ", so no verdict was reached; its timeline "
                    + "says " + (ended.equals("cancelled") ? "who cancelled it." : "why."));
        }
        if (!checks.isArray() || checks.isEmpty()) {
            return Optional.of("The monitor session ended before any check ran: it was cancelled, it failed, or the "
                    + "deploy left nothing to watch. Its timeline says which.");
        }
        try {
            List<Check> all = List.of(Json.MAPPER.treeToValue(checks, Check[].class));
            Check last = all.getLast();
            String cause = last.metrics().isEmpty() && (last.problems().isEmpty() || last.noSource())
                    ? cause(last, where) + " " : "";
            return Optional.of(cause + action(last, where) + untilThen(all).map(u -> " " + u).orElse(""));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty(); // a check written by another version: its table still shows what it holds
        }
    }

    /** Why a check that compared no metric could not: nothing answered, or the first thing that went wrong. */
    static String cause(Check last, String where) {
        if (last.problems().equals(List.of(Check.NO_PROMETHEUS))) {
            return "No metric was available: no Prometheus is configured to ask, and nothing was pushed.";
        }
        return last.problems().isEmpty() || last.noSource()
                ? "No metric was available: neither Prometheus queries nor pushed signals returned data."
                : "No metric could be judged: " + firstProblem(last, where) + ".";
    }

    /** What would let the monitor judge: the first thing to fix, by what the last check saw. */
    static String action(Check last, String where) {
        if (last.supersededBy() != null) {
            return "Judge commit " + last.supersededBy().commitSha() + " by its own watch: it went live at "
                    + last.supersededBy().at() + ", before this deploy's windows held enough to judge, and what the "
                    + "service did after that moment is its doing.";
        }
        if (last.metrics().stream().anyMatch(Inconclusive::wentSilent)) {
            return "Check that the service is up and still reporting: its metrics had samples before the deploy "
                    + "and none after it (" + where + ").";
        }
        if (!last.quiet().isEmpty()) {
            return "Check that the service is up and still reporting: " + String.join(", ", last.quiet())
                    + " stopped part-way through the watch (" + where + ").";
        }
        if (!last.problems().isEmpty() && !last.noSource()) {
            return "Fix what kept the metrics from being read: " + firstProblem(last, where) + ". Until then the "
                    + "monitor cannot judge a deploy; watch this one by hand.";
        }
        if (last.metrics().stream().anyMatch(m -> m.result() == Outcome.NODATA && m.pValue() != null)) {
            return "Lengthen the bake or sample more often: the windows held too few samples for a change to show ("
                    + where + "). Watch this deploy by hand.";
        }
        return "Give the monitor data: configure Prometheus (--prometheus-url or the project's prometheus_url) or "
                + "push samples to /api/v1/signals/.";
    }

    /**
     * What the last check that compared metrics found, when the final one compared none: a Prometheus down at the
     * bake's end leaves the verdict inconclusive, yet the checks before it tell the person on call how the deploy was
     * doing. Empty when the final check compared metrics, or none did.
     */
    static Optional<String> untilThen(List<Check> checks) {
        if (checks.isEmpty() || !checks.getLast().metrics().isEmpty()) {
            return Optional.empty();
        }
        for (int i = checks.size() - 2; i >= 0; i--) {
            Check judged = checks.get(i);
            Verdict then = Judge.decide(checks.subList(0, i + 1), judged.at());
            if (then.state() != VerdictState.INCONCLUSIVE) {
                return Optional.of("The last check that compared metrics, at " + judged.at() + ", found the deploy "
                        + MonitorReport.stateWord(then) + "; it is not the verdict, since no later check confirmed it.");
            }
        }
        return Optional.empty();
    }

    /** The first cause that kept metrics out of the check, saying where the others are. */
    static String firstProblem(Check c, String where) {
        int more = c.problems().size() - 1;
        return c.problems().getFirst() + (more == 0 ? "" : " (and " + more + " more " + where + ")");
    }

    /** A metric that had samples before the deploy and none after: what a service that went down shows. */
    static boolean wentSilent(MetricResult m) {
        return m.result() == Outcome.NODATA && m.baseline() != null && m.current() == null;
    }
}
