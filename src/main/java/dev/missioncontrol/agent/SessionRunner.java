package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.DatabaseOutage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed session: ask the brain for a step, record it, act on it, repeat. Every event is committed before
 * the next step, so after a crash the timeline says exactly where to resume: a recorded step is never asked of the
 * brain again, and a tool call without a result is run again (tools are read-only).
 */
public final class SessionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a run ended. */
    public enum Outcome { COMPLETED, FAILED, SLEEPING, FENCED, RETRY }

    /** A step that crashes this many times in a row fails the session instead of being retried forever. */
    static final int MAX_ATTEMPTS = 3;
    private static final String CRASHED_ATTEMPT = "crashed_attempt";
    /** How often a worker waiting on its brain looks whether its lease is gone. */
    private static final Duration LOST_CHECK = Duration.ofMillis(200);

    private final Journal journal;
    private final Map<String, Tool> tools;
    private final BrainChooser brains;
    private final Limits limits;
    private final Clock clock;

    public SessionRunner(Journal journal, Map<String, Tool> tools, BrainChooser brains, Limits limits, Clock clock) {
        this.journal = journal;
        this.tools = Map.copyOf(tools);
        this.brains = brains;
        this.limits = limits;
        this.clock = clock;
    }

    /** Runs until the session ends, sleeps or must be retried ({@link Outcome#RETRY}: release it, due later). */
    public Outcome run(Lease lease) {
        return run(lease, () -> false);
    }

    /**
     * As {@link #run(Lease)}, walking away from a brain's step as soon as {@code lost} says the lease is gone (the
     * session was cancelled or taken over), rather than at the next write.
     */
    public Outcome run(Lease lease, BooleanSupplier lost) {
        try {
            return steps(lease, lost);
        } catch (FencedOut e) {
            LOG.info("session {} stopped: its lease was taken over or it was cancelled", lease.sessionId());
            return Outcome.FENCED;
        } catch (Throwable t) {
            if (!Crash.recoverable(t)) {
                throw t;
            }
            if (DatabaseOutage.is(t)) {
                LOG.warn("session {} paused: the database is out of reach or busy ({}); it is retried",
                        lease.sessionId(), t.toString());
                return Outcome.RETRY;
            }
            return crashed(lease, t);
        }
    }

    /**
     * Records the crashed attempt on the timeline, so the count survives restarts and other nodes, and fails the
     * session once the same step has crashed {@link #MAX_ATTEMPTS} times in a row.
     */
    private Outcome crashed(Lease lease, Throwable t) {
        int attempt = failedAttempts(journal.entries(lease.sessionId())) + 1;
        LOG.error("session {} crashed (attempt {} of {})", lease.sessionId(), attempt, MAX_ATTEMPTS, t);
        if (attempt >= MAX_ATTEMPTS) {
            journal.fail(lease, "the agent crashed " + attempt + " times in a row: " + Crash.describe(t));
            return Outcome.FAILED;
        }
        journal.append(lease, "status", "Step crashed (attempt " + attempt + " of " + MAX_ATTEMPTS + "), retrying: "
                + Crash.describe(t), JSON.createObjectNode().put(CRASHED_ATTEMPT, attempt));
        return Outcome.RETRY;
    }

    /**
     * Counts a node that stopped while it held the session (killed, out of memory, cut off) as a crashed attempt: a
     * step that takes its node down every time, as a paste too large for the heap does, is failed after
     * {@link #MAX_ATTEMPTS} rather than handed on to take down every node in turn. False when it failed the session.
     */
    private boolean resumeAfterNodeStopped(Lease lease) {
        int attempt = failedAttempts(journal.entries(lease.sessionId())) + 1;
        LOG.warn("session {} resumed: node {} stopped while it ran it (attempt {} of {})", lease.sessionId(),
                lease.resumedFrom(), attempt, MAX_ATTEMPTS);
        if (attempt >= MAX_ATTEMPTS) {
            journal.fail(lease, "the server running the agent stopped " + attempt + " times in a row during the same "
                    + "step (killed or out of memory); the session is failed so that it stops no other");
            return false;
        }
        journal.append(lease, "status", "Resumed after the server running the session stopped (attempt " + attempt
                + " of " + MAX_ATTEMPTS + ")", JSON.createObjectNode().put(CRASHED_ATTEMPT, attempt));
        return true;
    }

    /** Crashes recorded since the last step that got through: they are the newest events on the timeline. */
    static int failedAttempts(List<Entry> entries) {
        int n = 0;
        for (int i = entries.size() - 1; i >= 0 && entries.get(i).data().has(CRASHED_ATTEMPT); i--) {
            n++;
        }
        return n;
    }

    private Outcome steps(Lease lease, BooleanSupplier lost) {
        SessionFacts facts = journal.facts(lease.sessionId());
        Brain brain = brains.brainFor(facts);
        journal.pickedUp(lease);
        if (lease.resumedFrom() != null && !resumeAfterNodeStopped(lease)) {
            return Outcome.FAILED;
        }
        Instant deadline = clock.instant().plus(limits.maxRunTime());
        Outcome outcome = null;
        while (outcome == null) {
            outcome = advance(lease, lost, facts, brain, deadline);
        }
        return outcome;
    }

    /** One step; null means "go on". */
    private Outcome advance(Lease lease, BooleanSupplier lost, SessionFacts facts, Brain brain, Instant deadline) {
        List<Entry> entries = journal.entries(lease.sessionId());
        Optional<Entry> pendingCall = unansweredToolCall(entries);
        if (pendingCall.isPresent()) {
            runTool(lease, lost, facts, pendingCall.get(), deadline);
            return null;
        }
        String overLimit = overLimit(entries, deadline);
        if (overLimit != null) {
            journal.fail(lease, overLimit);
            return Outcome.FAILED;
        }
        History history = new History(facts, entries, clock.instant(), deadline);
        return perform(lease, Abandonable.await(() -> decide(brain, history), lease, lost, LOST_CHECK), history);
    }

    private static Step decide(Brain brain, History history) {
        try {
            return brain.next(history);
        } catch (Throwable t) {
            if (!Crash.recoverable(t)) {
                throw t;
            }
            LOG.warn("brain failed on session {}; the session fails with its message", history.session().sessionId(),
                    t);
            return new Step.Fail("the agent failed: " + Crash.describe(t));
        }
    }

    /** Records the step the brain chose after reading {@code read}; null means "go on". */
    private Outcome perform(Lease lease, Step step, History read) {
        long seen = read.entries().isEmpty() ? 0 : read.entries().getLast().seq();
        switch (step) {
            case Step.CallTool c -> journal.append(lease, "tool_call", "Calling " + c.tool(), callData(c));
            case Step.Say s -> journal.append(lease, "message", s.text(),
                    JSON.createObjectNode().put("role", "agent").put("content", s.text()));
            case Step.Note n -> journal.append(lease, n.kind().eventType(), n.text(), orEmpty(n.data()));
            case Step.Finish f -> {
                return finish(lease, f, read, seen);
            }
            case Step.Wait w -> {
                long recorded = journal.append(lease, "status", "Sleeping until " + w.until() + ": " + w.reason(),
                        JSON.createObjectNode().put("sleeping_until", w.until().toString())).seq();
                // An event that landed after the brain read the timeline (a deploy's next status) would otherwise
                // be slept through: the brain decides again instead.
                boolean unseen = recorded > seen + 1;
                return !unseen && journal.sleep(lease, w.until(), recorded) ? Outcome.SLEEPING : null;
            }
            case Step.Fail f -> {
                journal.fail(lease, f.reason());
                return Outcome.FAILED;
            }
        }
        return null;
    }

    private Outcome finish(Lease lease, Step.Finish f, History read, long seen) {
        long seenNow = seen;
        if (f.report() != null) {
            seenNow = journal.report(lease, f.report()).seq();
            if (seenNow > seen + 1) {
                return null; // an event landed after the brain read the timeline: it decides again
            }
            if (!read.hasReport() && read.unansweredMessage().isPresent()) {
                // a question asked while the session ran: the brain answers it, report in hand (once: a brain that
                // writes another report instead ends the session rather than loop)
                return null;
            }
        }
        return journal.complete(lease, seenNow) ? Outcome.COMPLETED : null;
    }

    /**
     * Runs the call and records its result. A tool still running when the run's time is up is walked away from with
     * an error result, after which the limit check fails the session; one still running when the lease is lost (a
     * cancel, a takeover) is walked away from at once.
     */
    private void runTool(Lease lease, BooleanSupplier lost, SessionFacts facts, Entry call, Instant deadline) {
        String name = call.data().path("tool").asText();
        Tool tool = tools.get(name);
        ToolResult result = tool == null ? ToolResult.error("no tool named " + name)
                : Abandonable.within(() -> safeRun(tool, call, facts), lease, lost, LOST_CHECK,
                        () -> clock.instant().isAfter(deadline)).orElseGet(() -> outOfTime(name, facts));
        ObjectNode data = JSON.createObjectNode().put("tool", name).put("call_seq", call.seq())
                .put("status", result.status().wire());
        data.set("data", result.data());
        journal.append(lease, "tool_result", result.summary(), data);
    }

    private static ToolResult safeRun(Tool tool, Entry call, SessionFacts facts) {
        JsonNode args = call.data().path("args");
        Optional<String> refused = ToolArguments.refusal(tool, args);
        if (refused.isPresent()) {
            return ToolResult.error(refused.get());
        }
        try {
            return tool.run(args, facts);
        } catch (Throwable t) {
            if (!Crash.recoverable(t) || DatabaseOutage.is(t)) {
                throw t; // an outage retries the step: the brain would take it for the tool's own failure
            }
            LOG.warn("tool {} failed on session {}; the brain sees an error result", tool.name(), facts.sessionId(), t);
            return ToolResult.error(tool.name() + " failed: " + Crash.describe(t) + Crash.advice(t));
        }
    }

    private ToolResult outOfTime(String tool, SessionFacts facts) {
        LOG.warn("tool {} was still running on session {} when the run's time limit was reached; it was interrupted",
                tool, facts.sessionId());
        return ToolResult.error(tool + " did not finish within the time limit of " + limits.maxRunTime().toMinutes()
                + " minutes for one run");
    }

    private String overLimit(List<Entry> entries, Instant deadline) {
        long steps = entries.stream().filter(e -> e.is("tool_call") || e.is("thought") || e.is("finding")).count();
        if (steps >= limits.maxSteps()) {
            return "step limit of " + limits.maxSteps() + " reached";
        }
        if (clock.instant().isAfter(deadline)) {
            return "time limit of " + limits.maxRunTime().toMinutes() + " minutes for one run reached";
        }
        return null;
    }

    /** The newest tool_call when no tool_result follows it: the step a crash interrupted. */
    static Optional<Entry> unansweredToolCall(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.is("tool_result")) {
                return Optional.empty();
            }
            if (e.is("tool_call")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static ObjectNode callData(Step.CallTool c) {
        ObjectNode data = JSON.createObjectNode().put("tool", c.tool());
        data.set("args", orEmpty(c.args()));
        return data;
    }

    private static JsonNode orEmpty(JsonNode n) {
        return n == null || n.isNull() ? JSON.createObjectNode() : n;
    }
}
