package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.agent.Brain;
import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.History;
import dev.missioncontrol.agent.Report;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.Tool;
import dev.missioncontrol.store.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stands between the LLM brain and the timeline: the model's report is stored only once it has been reviewed. Its
 * shape first: a report that lacks the sections API.md asks for, or that was written without reading the logs the
 * request came with, is sent back to the model once with a reminder saying what is missing, and the second time the
 * analyst takes over. Then its evidence ({@link ReportCheck}): the check is recorded on the timeline, then each
 * finding the logs confirmed, then the report as checked. An answer to a follow-up question is checked the same way
 * and said with its marks, since it states evidence as fact as much as a report does. Every step is decided from the
 * timeline alone, so a session taken over by another node goes on where it stopped, without asking the model again.
 */
public final class ReportReview implements Brain {
    static final String RECEIVED = "llm_report";
    private static final String ANSWERED = "llm_answer";
    private static final String FALLBACK = "llm_fallback";

    private final Brain llm;
    private final ReportCheck check;

    public ReportReview(LlmBrain llm, Collection<Tool> tools) {
        this(llm, tools.stream().collect(Collectors.toMap(Tool::name, Function.identity(), (a, b) -> b)));
    }

    ReportReview(Brain llm, Map<String, Tool> tools) {
        this.llm = llm;
        this.check = new ReportCheck(tools);
    }

    /** What the LLM brain answers when the model wrote its report: the review starts from this note. */
    static Step received(String markdown) {
        return new Step.Note(Step.NoteKind.THOUGHT, "The LLM wrote its report; checking its quotes and deployments "
                + "against the logs and the deployments", Json.object().put(RECEIVED, true)
                .put("answer", markdown));
    }

    /** What the LLM brain answers when the model answered a follow-up question: the answer is said once checked. */
    static Step answered(String text) {
        return new Step.Note(Step.NoteKind.THOUGHT, "The LLM answered; checking its quotes and deployments against "
                + "the logs and the deployments", Json.object().put(ANSWERED, true).put("answer", text));
    }

    @Override
    public Step next(History h) {
        Optional<Entry> under = underReview(h.entries());
        if (under.isEmpty()) {
            return llm.next(h);
        }
        if (under.get().data().path(ANSWERED).asBoolean()) {
            return new Step.Say(check.check(under.get().data().path("answer").asText(), h).report().markdown());
        }
        return under.get().data().path(RECEIVED).asBoolean() ? review(h, under.get().data().path("answer").asText())
                : goOn(h.entries(), under.get());
    }

    /**
     * The review's newest note while the report it reviews is not stored yet. A question that arrives meanwhile
     * waits for the report, which answers it as a report answers every question before it.
     */
    static Optional<Entry> underReview(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.is("finding") || e.is("status") || e.isUserMessage()) {
                continue;
            }
            boolean reviewing = e.is("thought") && (e.data().path(RECEIVED).asBoolean()
                    || e.data().path(ANSWERED).asBoolean() || e.data().path(ReportCheck.CHECKED).asBoolean());
            return reviewing ? Optional.of(e) : Optional.empty();
        }
        return Optional.empty();
    }

    private Step review(History h, String answer) {
        Optional<ReportShape.Gap> gap = ReportShape.gap(h, answer);
        if (gap.isEmpty()) {
            ReportCheck.Checked c = check.check(answer, h);
            return new Step.Note(Step.NoteKind.THOUGHT, c.text(), c.data());
        }
        String reason = gap.get().reason();
        if (h.entries().stream().anyMatch(e -> Reminders.is(e, Reminders.NO_REPORT))) {
            return new Step.Note(Step.NoteKind.THOUGHT, reason + ", after a reminder; the built-in analyst takes "
                    + "over", Json.object().put(FALLBACK, true).put("reason", reason + ", after a reminder"));
        }
        return new Step.Note(Step.NoteKind.THOUGHT, reason + "; it is sent back once with a reminder",
                Json.object().put(Reminders.NO_REPORT, true).put("answer", answer)
                        .put("reminder", gap.get().reminder()));
    }

    /** After the check: the findings the logs confirmed, one a step, then the report as checked. */
    private static Step goOn(List<Entry> entries, Entry checked) {
        long recorded = entries.stream().filter(e -> e.is("finding") && e.seq() > checked.seq()).count();
        JsonNode findings = checked.data().path("findings");
        if (recorded < findings.size()) {
            JsonNode f = findings.get((int) recorded);
            return new Step.Note(Step.NoteKind.FINDING, f.path("title").asText(), (ObjectNode) f);
        }
        JsonNode d = checked.data();
        List<String> actions = new ArrayList<>();
        d.path("key_actions").forEach(a -> actions.add(a.asText()));
        return new Step.Finish(new Report(d.path("markdown").asText(), d.path("description").asText(),
                d.path("outcome").asText(), actions));
    }
}
