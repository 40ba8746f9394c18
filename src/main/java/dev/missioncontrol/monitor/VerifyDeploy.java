package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a successful deploy: compare_windows at each scheduled moment, on the window from the deploy to that
 * moment, each result recorded as a {@code check}
 * event carrying its numbers and the verdict so far. The verdict stays pending until the bake time ends, or turns
 * degraded early when the comparison already says so beyond doubt ({@link Judge#settlesEarly}).
 */
final class VerifyDeploy {
    static final String TOOL = "compare_windows";
    /** A note's field saying when the final check asks again for metrics a source failed to give for now. */
    static final String ASK_AGAIN = "asks_again_at";
    private final MonitorSchedule schedule;

    VerifyDeploy(MonitorSchedule schedule) {
        this.schedule = schedule;
    }

    Step next(MonitorTimeline t, Instant now) {
        Instant deployedAt = Instant.parse(t.facts().path("created_at").asText());
        List<Entry> checks = t.checks();
        Optional<Entry> fresh = t.unrecorded(TOOL);
        if (fresh.isPresent()) {
            return record(t, fresh.get(), checks, deployedAt);
        }
        if (!checks.isEmpty()) {
            Entry last = checks.getLast();
            Verdict v = MonitorTimeline.verdictOf(last);
            if (v.state() != VerdictState.PENDING) {
                return t.reportedSince(last) ? new Step.Finish(null)
                        : new Step.Finish(MonitorReport.verdict(t.facts(), v, last.data(), schedule.warmup()));
            }
        }
        Instant due = schedule.due(deployedAt, checks.size()).orElse(now);
        List<Entry> again = t.askedAgain();
        Instant asks = again.isEmpty() ? due : Instant.parse(again.getLast().data().path(ASK_AGAIN).asText());
        if (now.isBefore(asks)) {
            return new Step.Wait(asks, "check " + (checks.size() + 1) + " of " + schedule.checkOffsets().size()
                    + (again.isEmpty() ? " is due at +" : " asks again at +") + seconds(Duration.between(deployedAt,
                    asks)));
        }
        // Each check judges the window its offset names, also when it runs late (the node was down): catching up
        // after an outage then makes the checks the schedule would have made, each on its own window, rather than
        // several looks at the same minutes, and the last check still ends at the bake time.
        return new Step.CallTool(TOOL, comparison(t.facts(), deployedAt, due));
    }

    /**
     * The windows to compare. The baseline ends before the new code ran anywhere: where CI said the rollout was
     * running before it succeeded, at that event, and for a repeat of a commit already live (a re-run CI job), where
     * that commit first went live; the minutes between are left out as a warm-up. A baseline ending at the success
     * would hold the rollout's harm, and a repeat's the harm the first deploy did, and the deploy would pass.
     */
    private ObjectNode comparison(JsonNode facts, Instant deployedAt, Instant due) {
        Instant baselineEnd = baselineEnd(facts, deployedAt);
        Duration leftOut = Duration.between(baselineEnd, deployedAt).plus(schedule.warmup());
        if (leftOut.compareTo(MonitorSettings.MAX_BAKE) > 0) { // more than one comparison can leave out
            baselineEnd = deployedAt;
            leftOut = schedule.warmup();
        }
        ObjectNode args = Json.object().put("deployed_at", baselineEnd.toString()).put("at", due.toString());
        if (!leftOut.isZero()) {
            args.put("warmup_seconds", leftOut.toMillis() / 1000.0);
        }
        return args;
    }

    /** Where the baseline ends: the earlier of the rollout's start and the watched commit's first deploy. */
    static Instant baselineEnd(JsonNode facts, Instant deployedAt) {
        Instant rollout = rolloutStart(facts, deployedAt);
        Instant live = liveSince(facts, deployedAt);
        return rollout.isBefore(live) ? rollout : live;
    }

    /** When the watched commit went live: the first deploy a repeat traces back to, or the deploy itself. */
    static Instant liveSince(JsonNode facts, Instant deployedAt) {
        return earlier(facts.path("live_since").path("created_at"), deployedAt);
    }

    /** When the rollout began, as its running event said; the deploy itself without one. */
    static Instant rolloutStart(JsonNode facts, Instant deployedAt) {
        return earlier(facts.path("rollout_started_at"), deployedAt);
    }

    private static Instant earlier(JsonNode time, Instant deployedAt) {
        if (!time.isTextual()) {
            return deployedAt;
        }
        Instant at = Instant.parse(time.asText());
        return at.isBefore(deployedAt) ? at : deployedAt;
    }

    private Step record(MonitorTimeline t, Entry result, List<Entry> earlier, Instant deployedAt) {
        JsonNode data = result.data().path("data");
        if (schedule.isLast(earlier.size())) {
            Optional<Step> again = askAgain(t, result, deployedAt, earlier.size());
            if (again.isPresent()) {
                return again.get();
            }
        }
        Check check = data.has("check") ? MonitorTimeline.read(data.get("check"), Check.class)
                : new Check(result.at(), List.of());
        List<Check> all = new ArrayList<>(earlier.stream().map(MonitorTimeline::checkOf).toList());
        all.add(check);
        Verdict decided = Judge.decide(all, result.at()); // decided when judged, though the window may end earlier
        // a superseded deploy's window ended at its successor: every later check would judge that same window
        boolean last = schedule.isLast(earlier.size()) || check.supersededBy() != null
                || (decided.state() == VerdictState.DEGRADED && Judge.settlesEarly(check,
                schedule.checkOffsets().size()));
        Verdict verdict = last ? decided : new Verdict(VerdictState.PENDING, decided.score(), all, null);
        ObjectNode note = Json.object();
        note.set("check", Json.MAPPER.valueToTree(check));
        note.set("verdict", Json.MAPPER.valueToTree(verdict));
        copyProblems(note, data, result);
        note.set("other_deployments", data.path("other_deployments").isArray() ? data.get("other_deployments")
                : Json.MAPPER.createArrayNode());
        String text = "Check " + all.size() + " at +" + seconds(Duration.between(deployedAt, check.at())) + ": "
                + result.text() + "; verdict " + MonitorReport.stateWord(verdict)
                + (last ? "" : " (provisional: " + MonitorReport.stateWord(decided) + ")")
                + baselineNote(t.facts(), deployedAt).map(n -> "; " + n).orElse("");
        return new Step.Note(Step.NoteKind.CHECK, text, note);
    }

    /** Why the baseline ends before the deploy, when it does; empty when it ends at the deploy. */
    static Optional<String> baselineNote(JsonNode facts, Instant deployedAt) {
        Instant live = liveSince(facts, deployedAt);
        Instant rollout = rolloutStart(facts, deployedAt);
        if (live.isBefore(deployedAt) && !rollout.isBefore(live)) {
            return Optional.of("this commit has been live since its deploy at " + live + ", so the baseline is the "
                    + "window before that");
        }
        return rollout.isBefore(deployedAt) ? Optional.of("the rollout began at " + rollout + " (its running "
                + "event), so the baseline is the window before that and the rollout is left out") : Optional.empty();
    }

    /**
     * The final check settles the verdict, so before it settles on windows a source failed to give for now (a
     * Prometheus restarting, a proxy's 502), it asks again while the schedule allows ({@link
     * MonitorSchedule#askAgain}). Earlier checks need not: the next one comes anyway.
     */
    private Optional<Step> askAgain(MonitorTimeline t, Entry result, Instant deployedAt, int done) {
        JsonNode unread = result.data().path("data").path(DeployMonitorBrain.UNREAD_FOR_NOW);
        if (!unread.isArray() || unread.isEmpty()) {
            return Optional.empty();
        }
        int tries = t.askedAgain().size();
        return schedule.askAgain(deployedAt, tries, result.at()).map(at -> {
            List<String> names = new ArrayList<>();
            unread.forEach(n -> names.add(n.asText()));
            ObjectNode note = Json.object().put(ASK_AGAIN, at.toString());
            note.set("problems", result.data().path("data").path("problems"));
            return new Step.Note(Step.NoteKind.THOUGHT, "Check " + (done + 1) + ", the final one, could not read "
                    + String.join(", ", names) + " (" + firstProblem(result) + "); it asks again at +"
                    + seconds(Duration.between(deployedAt, at)) + " (try " + (tries + 2) + ") rather than settle "
                    + "the verdict without them", note);
        });
    }

    private static String firstProblem(Entry result) {
        JsonNode problems = result.data().path("data").path("problems");
        return problems.isArray() && !problems.isEmpty() ? problems.get(0).asText() : result.text();
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }

    /** Carries the sources' problems (and a failed tool's message) from the tool result into the check event. */
    private static void copyProblems(ObjectNode note, JsonNode data, Entry result) {
        var problems = note.putArray("problems");
        data.path("problems").forEach(problems::add);
        if ("error".equals(result.data().path("status").asText())) {
            problems.add(result.text());
        }
    }
}
