package dev.missioncontrol.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.Validator;
import dev.missioncontrol.store.Json;
import java.util.LinkedHashSet;
import java.util.List;

/** A validated [seed] investigation request. Unknown fields are ignored. */
public record SessionInput(String prompt, ObjectNode context, SessionKind kind) {

    public static SessionInput from(JsonNode body) {
        Validator v = new Validator(body);
        String prompt = v.requiredText("prompt", 20_000);
        JsonNode context = body.get("context");
        if (context != null && !context.isNull() && !context.isObject()) {
            v.add(FieldError.invalid("context", "must be a JSON object"));
        } else if (context != null && !logsReadable(context.get("logs"))) {
            v.add(FieldError.invalid("context/logs", "must be log text, an array of lines or JSON records, or an "
                    + "object of file names to log text"));
        }
        String type = v.optionalOneOf("session_type",
                new LinkedHashSet<>(List.of("root_cause_analysis", "general")), "root_cause_analysis");
        v.check();
        ObjectNode ctx = context != null && context.isObject() ? (ObjectNode) context : Json.object();
        return new SessionInput(prompt, ctx, SessionKind.parse(type).orElseThrow());
    }

    /** Text, an array, null, or files: an object whose every value is text or an array. */
    private static boolean logsReadable(JsonNode logs) {
        if (logs == null || logs.isNull() || logs.isTextual() || logs.isArray()) {
            return true;
        }
        if (!logs.isObject()) {
            return false;
        }
        for (JsonNode file : logs) {
            if (!file.isTextual() && !file.isArray()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A short title for lists: the prompt's first line, secrets masked (pages, lists, tab titles and the CLI show it
     * to every member) before it is cut, so that the cut cannot split one from its name.
     */
    public String title() {
        String first = SessionTitle.of(prompt.strip().lines().findFirst().orElse(""), "Investigation");
        return first.codePointCount(0, first.length()) <= 120 ? first
                : first.substring(0, first.offsetByCodePoints(0, 119)) + "…";
    }
}
