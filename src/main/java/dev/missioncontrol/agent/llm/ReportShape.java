package dev.missioncontrol.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.agent.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a model's report has the shape API.md asks of a finished investigation: its six sections, and evidence
 * read with the tools when the request came with logs. A report written without a tool call cannot have read them:
 * whatever it quotes, it made up.
 */
final class ReportShape {
    /** The sections of API.md's "What a finished investigation must contain", as the analyst writes them. */
    static final List<String> SECTIONS = List.of("Summary", "Findings", "Likely cause", "Timeline",
            "Recommended actions", "Not checked");
    /** The context keys that hold pasted logs, as the log tools read them. */
    private static final List<String> LOG_KEYS = List.of("logs", "tool_outputs", "error", "errors");

    /** What is wrong with a report: a reason for the timeline, and the reminder the model is sent. */
    record Gap(String reason, String reminder) {
    }

    private ReportShape() {
    }

    /** A general session's answer to its question has no sections to lack, but must have read the logs it came with. */
    static Optional<Gap> gap(History h, String markdown) {
        List<String> missing = Instructions.isQuestion(h.session()) ? List.of() : missing(markdown);
        boolean unread = h.entries().stream().noneMatch(e -> e.is("tool_call")) && hasLogs(h.session().context());
        if (missing.isEmpty() && !unread) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        StringBuilder reminder = new StringBuilder("That report cannot be accepted yet. ");
        if (unread) {
            reasons.add("was written without calling a tool, though the request came with logs");
            reminder.append("You wrote it without calling a single tool, but the request came with logs: read them "
                    + "with the tools before you conclude anything, and quote only lines the tools returned. ");
        }
        if (ReportText.wasCut(markdown)) {
            reasons.add("was cut at " + ReportText.MAX_CHARS + " characters");
            reminder.append("It was longer than the ").append(ReportText.MAX_CHARS).append(" characters kept of an "
                    + "answer, so its end was cut off: write it far shorter, quoting only the evidence that matters. ");
        }
        if (!missing.isEmpty()) {
            String list = Words.list(missing);
            reasons.add("lacks the " + (missing.size() == 1 ? "section " : "sections ") + list);
            reminder.append("It lacks the ").append(missing.size() == 1 ? "section " : "sections ").append(list)
                    .append(". ");
        }
        reminder.append("Answer with the whole report, with these sections in this order: ").append(String.join(", ",
                SECTIONS.stream().map(s -> "## " + s).toList())).append(". Quote log lines exactly as the tools "
                + "returned them, with their timestamp and source.");
        return Optional.of(new Gap("the LLM's report " + String.join(" and ", reasons), reminder.toString()));
    }

    /** The required sections the report has no heading for, however it wrote its headings. */
    static List<String> missing(String markdown) {
        List<String> headings = ReportText.headings(markdown);
        return SECTIONS.stream().filter(s -> headings.stream()
                .noneMatch(h -> h.startsWith(s.toLowerCase(Locale.ROOT)))).toList();
    }

    private static boolean hasLogs(JsonNode context) {
        if (context == null || !context.isObject()) {
            return false;
        }
        return LOG_KEYS.stream().map(context::path).anyMatch(v -> v.isTextual() ? !v.asText().isBlank()
                : (v.isArray() || v.isObject()) && !v.isEmpty());
    }
}
