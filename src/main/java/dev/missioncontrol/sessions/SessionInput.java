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
        }
        String type = v.optionalOneOf("session_type",
                new LinkedHashSet<>(List.of("root_cause_analysis", "general")), "root_cause_analysis");
        v.check();
        ObjectNode ctx = context != null && context.isObject() ? (ObjectNode) context : Json.object();
        return new SessionInput(prompt, ctx, SessionKind.parse(type).orElseThrow());
    }

    /** A short title for lists: the prompt's first line. */
    public String title() {
        String first = prompt.strip().lines().findFirst().orElse("Investigation").strip();
        return first.length() <= 120 ? first : first.substring(0, 119) + "…";
    }
}
