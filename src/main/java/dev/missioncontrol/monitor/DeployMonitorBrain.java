package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deploy monitor. It reads the deployment it watches and acts on its status: a pending or running deploy waits
 * for its next event; a successful one is verified on the schedule; a failed one is investigated; a cancelled one
 * closes the session. Every decision is made from the timeline alone, so a resumed session picks up where it was.
 */
public final class DeployMonitorBrain implements Brain {
    /** A pending deploy that never reports again is closed after this long. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    /** Where the session's context keeps the schedule it was created with. */
    public static final String SCHEDULE_KEY = "monitor";

    /**
     * Where a comparison's result lists the metrics a source failed to give for now (Prometheus timed out, refused
     * the connection or answered 5xx), which the final check asks for again before it settles.
     */
    public static final String UNREAD_FOR_NOW = "unread_for_now";

    private final MonitorSchedule fallback;
    private final InvestigateFailure investigate;

    /**
     * @param fallback the schedule of a session whose context holds none
     * @param tools    the names of the tools this node has, so optional ones are only called when present
     */
    public DeployMonitorBrain(MonitorSchedule fallback, Set<String> tools) {
        this.fallback = fallback;
        this.investigate = new InvestigateFailure(tools);
    }

    @Override
    public Step next(History h) {
        if (h.unansweredMessage().isPresent()) {
            return new Step.Say(answer(h));
        }
        Optional<MonitorTimeline> watched = MonitorTimeline.of(h);
        if (watched.isEmpty()) {
            return new Step.CallTool("get_deployment", Json.object());
        }
        MonitorTimeline t = watched.get();
        if (cancelledByPerson(h)) {
            // a question reopens the session to be answered, not to resume the watch someone stopped
            return h.hasReport() ? new Step.Finish(null) : new Step.Finish(MonitorReport.closed(t.facts(),
                    "watch was cancelled", canceller(h).orElse("A person") + " cancelled the monitor before its bake "
                    + "time ended"
                            + (h.entries().stream().anyMatch(e -> e.is("check")) ? "; the checks it made are on the "
                            + "timeline, and no verdict was reached." : ", before any check ran.")));
        }
        if (!"ok".equals(t.deployment().data().path("status").asText())) {
            return h.hasReport() ? new Step.Finish(null) : new Step.Finish(nothingToWatch(t.deployment()));
        }
        return switch (t.status()) {
            case "pending", "running" -> awaitNextEvent(t, h.now());
            case "success" -> new VerifyDeploy(schedule(h)).next(t, h.now());
            case "failure" -> investigate.next(t, h.now());
            default -> conclude(t, "The deployment was cancelled; there is nothing to verify.",
                    MonitorReport.closed(t.facts(), "was cancelled", "Nothing to verify; the session is closed."),
                    h.now());
        };
    }

    /**
     * Who cancelled the watch, as the cancel recorded them (a person's email, a key's name); empty for a cancel
     * recorded before senders were. Written as recorded: the report's description is read as plain text by CLIs,
     * where escapes would show, and the page renders the markdown through its sanitizer.
     */
    private static Optional<String> canceller(History h) {
        return h.entries().stream().filter(e -> e.is("status") && "cancelled".equals(e.data().path("status")
                .asText())).map(e -> e.data().path("sender").path("name").asText("")).filter(n -> !n.isBlank())
                .findFirst();
    }

    private static boolean cancelledByPerson(History h) {
        return h.entries().stream().anyMatch(e -> e.is("status") && "cancelled".equals(e.data().path("status")
                .asText()));
    }

    private MonitorSchedule schedule(History h) {
        JsonNode context = h.session().context();
        return MonitorSchedule.fromJson(context == null ? null : context.get(SCHEDULE_KEY)).orElse(fallback);
    }

    private static Step awaitNextEvent(MonitorTimeline t, Instant now) {
        Instant giveUp = Instant.parse(t.facts().path("created_at").asText()).plus(GIVE_UP_AFTER);
        if (now.isBefore(giveUp)) {
            return new Step.Wait(giveUp, "the deployment is " + t.status() + "; waiting for its next event");
        }
        return conclude(t, "No further event arrived within 24 hours; the session is closed.",
                MonitorReport.closed(t.facts(), "stayed " + t.status() + " for 24 hours",
                        "No success or failure event arrived, so the deploy was never verified."), now);
    }

    /**
     * Ends a deploy without a comparison: first records the (inconclusive or failed) verdict on the timeline, then
     * finishes with the report; once both are there, a reopened session just finishes again.
     */
    static Step conclude(MonitorTimeline t, String finding, Report report, Instant now) {
        return conclude(t, finding, report, new Verdict(VerdictState.INCONCLUSIVE, null, List.of(), now));
    }

    static Step conclude(MonitorTimeline t, String finding, Report report, Verdict verdict) {
        Optional<Entry> recorded = t.since("finding").stream().filter(e -> e.data().has("verdict")).findFirst();
        if (recorded.isEmpty()) {
            JsonNode data = Json.object().set("verdict", Json.MAPPER.valueToTree(verdict));
            return new Step.Note(Step.NoteKind.FINDING, finding, data);
        }
        return t.reportedSince(recorded.get()) ? new Step.Finish(null) : new Step.Finish(report);
    }

    /**
     * Answers a question from the timeline. A watch that ended answers with its final verdict: a cancelled one's is
     * inconclusive whatever its last check thought provisionally, and "pending" would read as though it still ran.
     */
    private static String answer(History h) {
        Optional<MonitorTimeline> t = MonitorTimeline.of(h);
        boolean cancelled = cancelledByPerson(h);
        if (t.isEmpty() && !cancelled) {
            return "I am reading this deployment's latest event; ask again in a moment.";
        }
        List<Entry> checks = t.map(MonitorTimeline::checks).orElse(List.of());
        Optional<Verdict> last = checks.isEmpty() ? Optional.empty()
                : Optional.of(MonitorTimeline.verdictOf(checks.getLast()));
        boolean decided = last.isPresent() && last.get().state() != VerdictState.PENDING;
        if (cancelled && !decided) {
            return "The watch was cancelled" + canceller(h).map(n -> " by " + n).orElse("") + " before its bake time "
                    + "ended, so the verdict is final: **inconclusive**. "
                    + (checks.isEmpty() ? "No check had run." : "Before that, " + checkCount(checks) + " ran; the "
                    + "last one found: " + MonitorReport.findings(MonitorTimeline.checkOf(checks.getLast())));
        }
        if (checks.isEmpty()) {
            return "The deployment is " + t.get().status() + "; no check has run yet.";
        }
        String findings = MonitorReport.findings(MonitorTimeline.checkOf(checks.getLast()))
                + " The deploy page and the report have every check's figures.";
        return decided ? "The watch has ended: after " + checkCount(checks) + " the verdict is final: **"
                + MonitorReport.stateWord(last.get()) + "**. " + findings
                : "The deployment is " + t.get().status() + ". After " + checkCount(checks) + " the verdict is "
                + MonitorReport.stateWord(last.get()) + ". " + findings;
    }

    private static String checkCount(List<Entry> checks) {
        return checks.size() + (checks.size() == 1 ? " check" : " checks");
    }

    private static Report nothingToWatch(Entry result) {
        String why = result.text();
        return new Report("## Summary\n\nNothing to watch: " + why + ".\n", why, "Nothing to watch: " + why, List.of());
    }
}
