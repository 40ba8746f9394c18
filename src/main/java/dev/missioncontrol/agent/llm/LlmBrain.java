package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.config.DurationText;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM brain: the model chooses the tools and writes the report. It keeps no state; the conversation is rebuilt
 * from the timeline on every step. A rate limit or an overload is slept out for the configured waits first. When the
 * provider fails, or the session's budget of tool calls or of tokens is spent, the built-in analyst takes over, and
 * the timeline says so. A provider's Retry-After lengthens a wait, and one longer than the last configured wait
 * hands over at once. The token budget also bounds follow-up questions, each of which sends the whole conversation
 * again.
 */
public final class LlmBrain implements Brain {
    private static final Logger LOG = LoggerFactory.getLogger(LlmBrain.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOR_GOOD = "for_good";
    /** Left for the analyst's report after the model's last answer: it reads the logs again, in seconds. */
    private static final Duration ANALYST_TIME = Duration.ofMinutes(1);
    /**
     * The most of an answer's time looked ahead to: with an --llm-timeout near the run's 15 minutes (a slow local
     * model), the whole of it would keep the model from being asked at all; an answer is rarely that slow.
     */
    private static final Duration LONGEST_LOOK_AHEAD = Duration.ofMinutes(5);

    private final ChatModel model;
    private final Brain analyst;
    private final List<ToolSpecification> tools;
    private final long toolChars;
    private final int maxToolCalls;
    private final long maxTokens;
    private final List<Duration> rateLimitWaits;
    private final Duration answerTime;

    public LlmBrain(ChatModel model, Brain analyst, Collection<Tool> tools, int maxToolCalls, long maxTokens) {
        this(model, analyst, tools, maxToolCalls, maxTokens, List.of());
    }

    /**
     * @param rateLimitWaits how long the session sleeps before asking a rate-limiting provider again, one wait per
     *                       retry within a turn; when they are spent the analyst takes over
     */
    public LlmBrain(ChatModel model, Brain analyst, Collection<Tool> tools, int maxToolCalls, long maxTokens,
            List<Duration> rateLimitWaits) {
        this(model, analyst, tools, maxToolCalls, maxTokens, rateLimitWaits, null);
    }

    /**
     * @param answerTime how long one answer of the provider may take ({@code --llm-timeout}); null when unbounded, and
     *                   then the run's time limit is not looked ahead to
     */
    public LlmBrain(ChatModel model, Brain analyst, Collection<Tool> tools, int maxToolCalls, long maxTokens,
            List<Duration> rateLimitWaits, Duration answerTime) {
        this.answerTime = answerTime;
        this.model = model;
        this.analyst = analyst;
        this.tools = ToolSpecs.of(tools);
        this.toolChars = TokenBudget.toolChars(tools);
        this.maxToolCalls = maxToolCalls;
        this.maxTokens = maxTokens;
        this.rateLimitWaits = List.copyOf(rateLimitWaits);
    }

    @Override
    public Step next(History h) {
        if (handedOver(h)) {
            return signed(analyst.next(h), h);
        }
        Optional<Step> pending = Reminders.pendingCall(h);
        if (pending.isPresent()) {
            return pending.get();
        }
        if (h.hasReport() && !h.lastMessageUnanswered()) {
            return new Step.Finish(null);
        }
        if (llmToolCalls(h) >= maxToolCalls) {
            return handOverForGood("the LLM used its budget of " + maxToolCalls + " tool calls");
        }
        List<ChatMessage> conversation = Conversation.of(h);
        if (TokenBudget.wouldExceed(h, conversation, toolChars, maxTokens)) {
            return handOverForGood("the LLM would pass its budget of about " + maxTokens + " tokens");
        }
        if (pastTheRun(h)) {
            return handOver("the LLM's next answer could take longer than this run has left (answers may take "
                    + DurationText.format(answerTime) + ")");
        }
        if (firstAsk(h)) {
            // a provider's first answer can take most of a minute; without this the page shows only "starting"
            return new Step.Note(Step.NoteKind.THOUGHT, "Asking the LLM provider; the timeline goes on with its "
                    + "first answer", JSON.createObjectNode().put("llm_asked", true));
        }
        ChatResponse response;
        try {
            response = model.chat(ChatRequest.builder().messages(conversation).toolSpecifications(tools).build());
        } catch (RuntimeException e) {
            return failed(h, e);
        }
        return Answers.unfinished(h, response).orElseGet(() -> step(h, response.aiMessage()));
    }

    /**
     * The analyst takes over from a failing provider, and the log says why in words safe to keep. A call abandoned
     * with its step (the session was cancelled or taken over) is no failure, and no one takes over from it.
     */
    private Step failed(History h, RuntimeException e) {
        String session = h.session().sessionId();
        if (e instanceof CancellationException || Thread.currentThread().isInterrupted()) {
            LOG.info("LLM call on session {} abandoned: the session was cancelled or taken over", session);
            return handOver("the call to the LLM provider was abandoned"); // never recorded: its step was abandoned
        }
        ProviderFailure failure = ProviderFailure.of(e, null, null);
        int waited = sleepsThisTurn(h);
        if (failure.passing() && waited < rateLimitWaits.size()) {
            Optional<Duration> asked = failure.retryAfter();
            Duration patience = rateLimitWaits.getLast();
            if (asked.isPresent() && asked.get().compareTo(patience) > 0) {
                // asking sooner would only be refused again; the analyst answers now rather than after the wait
                String reason = failure.reason() + " and asks for a wait of " + DurationText.format(asked.get())
                        + ", longer than this server waits (" + DurationText.format(patience) + ")";
                LOG.info("LLM provider holds off session {}: {}; the analyst takes over", session, reason);
                return handOver(reason);
            }
            Duration wait = asked.filter(a -> a.compareTo(rateLimitWaits.get(waited)) > 0)
                    .orElse(rateLimitWaits.get(waited));
            LOG.info("LLM provider holds off session {}; asking again in {}", session, DurationText.format(wait));
            return new Step.Wait(h.now().plus(wait), failure.reason() + "; asking it again in "
                    + DurationText.format(wait));
        }
        LOG.warn("LLM provider failed on session {}: {}; the analyst takes over. The provider said: {}", session,
                failure.reason(), failure.getMessage());
        return handOver(failure.reason());
    }

    /**
     * The sleeps since the last question: the LLM brain sleeps only to wait out a rate limit or an overload, so these
     * are the retries this turn has had. A question starts a turn afresh.
     */
    private static int sleepsThisTurn(History h) {
        int sleeps = 0;
        for (Entry e : h.entries()) {
            if (e.isUserMessage()) {
                sleeps = 0;
            } else if (e.is("status") && e.data().has("sleeping_until")) {
                sleeps++;
            }
        }
        return sleeps;
    }

    private static Step step(History h, AiMessage answer) {
        if (answer.hasToolExecutionRequests()) {
            return Answers.toolCall(h, answer.toolExecutionRequests());
        }
        String text = answer.text() == null ? "" : ReportText.capped(answer.text().strip());
        if (text.isEmpty()) {
            return handOver("the LLM answered with nothing");
        }
        if (h.hasReport()) {
            return ReportReview.answered(text);
        }
        if (ReportText.isReport(text) || Instructions.isQuestion(h.session())) {
            return ReportReview.received(text);
        }
        if (h.entries().stream().anyMatch(e -> Reminders.is(e, Reminders.NO_REPORT))) {
            return handOver("the LLM answered twice without the report's sections");
        }
        return Reminders.noReport(text);
    }

    /** The analyst answers until the next question, which the provider is asked again (it may be back by then). */
    static Step handOver(String why) {
        return new Step.Note(Step.NoteKind.THOUGHT, why + "; the built-in analyst takes over",
                JSON.createObjectNode().put("llm_fallback", true).put("reason", why));
    }

    /**
     * The analyst's report says above it that the analyst wrote it, and why: the CLI, the API and notifications show
     * the report without the timeline, and a provider that fails every time (a revoked key) would otherwise go
     * unnoticed behind reports that read as usual.
     */
    private static Step signed(Step step, History h) {
        if (!(step instanceof Step.Finish finish) || finish.report() == null) {
            return step;
        }
        String why = h.entries().reversed().stream().filter(e -> e.is("thought")
                && e.data().path("llm_fallback").asBoolean()).findFirst()
                .map(e -> e.data().path("reason").asText("the LLM could not write it")).orElse("");
        Report r = finish.report();
        return new Step.Finish(new Report("> **Written by the built-in analyst:** " + why + ".\n\n" + r.markdown(),
                r.description(), r.outcome(), r.keyActions()));
    }

    /** A spent budget stays spent: the analyst answers the rest of the session, follow-up questions too. */
    private static Step handOverForGood(String why) {
        return new Step.Note(Step.NoteKind.THOUGHT, why + "; the built-in analyst takes over for the rest of the "
                + "session", JSON.createObjectNode().put("llm_fallback", true).put(FOR_GOOD, true).put("reason", why));
    }

    /**
     * Whether an answer taking as long as it may, and the analyst's report after it, would end past the run's time
     * limit: the session would then fail without any report, where the analyst still writes one in time. A question
     * asked later starts a new run, and the model is asked again.
     */
    private boolean pastTheRun(History h) {
        if (answerTime == null || h.runEndsAt() == null) {
            return false;
        }
        Duration lookAhead = answerTime.compareTo(LONGEST_LOOK_AHEAD) > 0 ? LONGEST_LOOK_AHEAD : answerTime;
        return h.now().plus(lookAhead).plus(ANALYST_TIME).isAfter(h.runEndsAt());
    }

    /** Whether the model has not been asked anything in this session yet. */
    private static boolean firstAsk(History h) {
        return h.entries().stream().noneMatch(e -> e.is("tool_call") || e.is("report")
                || e.is("thought") && e.data().path("llm_asked").asBoolean());
    }

    /**
     * The tool calls the model made: not those the analyst made in a turn it was handed, which would otherwise spend
     * the model's budget for the questions after it.
     */
    private static long llmToolCalls(History h) {
        long calls = 0;
        boolean analystsTurn = false;
        for (Entry e : h.entries()) {
            if (e.isUserMessage()) {
                analystsTurn = false;
            } else if (e.is("thought") && e.data().path("llm_fallback").asBoolean()) {
                analystsTurn = true;
            } else if (e.is("tool_call") && !analystsTurn) {
                calls++;
            }
        }
        return calls;
    }

    /**
     * Whether the analyst answers now: after a spent budget, or after a provider failure since the last question. A
     * rate limit or an outage during the investigation does not keep the provider from the questions that come later.
     */
    private static boolean handedOver(History h) {
        List<Entry> entries = h.entries();
        int lastQuestion = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isUserMessage()) {
                lastQuestion = i;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.is("thought") && e.data().path("llm_fallback").asBoolean()
                    && (i > lastQuestion || e.data().path(FOR_GOOD).asBoolean())) {
                return true;
            }
        }
        return false;
    }
}
