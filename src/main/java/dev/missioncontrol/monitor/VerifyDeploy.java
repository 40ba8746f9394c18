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
     * The windows to compare. A repeat of a commit already live (a re-run CI job) is compared with the service
     * before the commit first went live, its baseline ending there and the minutes between left out as a warm-up;
     * otherwise its baseline would be the harm the first deploy did, and the repeat would pass.
     */
    private ObjectNode comparison(JsonNode facts, Instant deployedAt, Instant due) {
        Instant liveSince = liveSince(facts, deployedAt);
        Duration leftOut = Duration.between(liveSince, deployedAt).plus(schedule.warmup());
        if (leftOut.compareTo(MonitorSettings.MAX_BAKE) > 0) { // more than one comparison can leave out
            liveSince = deployedAt;
            leftOut = schedule.warmup();
        }
        ObjectNode args = Json.object().put("deployed_at", liveSince.toString()).put("at", due.toString());
        if (!leftOut.isZero()) {
            args.put("warmup_seconds", leftOut.toMillis() / 1000.0);
        }
        return args;
    }

    /** When the watched commit went live: the first deploy a repeat traces back to, or the deploy itself. */
    static Instant liveSince(JsonNode facts, Instant deployedAt) {
        JsonNode first = facts.path("live_since").path("created_at");
        if (!first.isTextual()) {
            return deployedAt;
        }
        Instant at = Instant.parse(first.asText());
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
        Instant liveSince = liveSince(t.facts(), deployedAt);
        String text = "Check " + all.size() + " at +" + seconds(Duration.between(deployedAt, check.at())) + ": "
                + result.text() + "; verdict " + MonitorReport.stateWord(verdict)
                + (last ? "" : " (provisional: " + MonitorReport.stateWord(decided) + ")")
                + (liveSince.equals(deployedAt) ? "" : "; this commit has been live since its deploy at " + liveSince
                        + ", so the baseline is the window before that");
        return new Step.Note(Step.NoteKind.CHECK, text, note);
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
