package dev.missioncontrol.web.ui;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A refused settings form as it was typed, so the page shows it again with the reason instead of empty fields.
 * Passwords and the CSRF token are never kept: a password is typed again, never echoed into the page.
 *
 * @param form   the id of the form in the page ({@code create-key}, {@code create-user}, {@code add-webhook})
 * @param fields each field's values as the form sent them
 */
public record TypedForm(String form, Map<String, List<String>> fields) {
    static final TypedForm NONE = new TypedForm("", Map.of());
    private static final Set<String> NEVER_KEPT = Set.of("password", "current_password", "new_password",
            "repeat_password", "_csrf");

    static TypedForm of(String form, Context ctx) {
        return new TypedForm(form, ctx.formParamMap().entrySet().stream()
                .filter(e -> !NEVER_KEPT.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }

    /** What was typed into this form's field; empty for another form or an untouched field. */
    public String value(String formId, String field) {
        List<String> values = form.equals(formId) ? fields.getOrDefault(field, List.of()) : List.of();
        return values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }

    /** Whether a checkbox of this form is ticked: as it was sent when refused, else {@code otherwise}. */
    public boolean ticked(String formId, String field, String value, boolean otherwise) {
        return form.equals(formId) ? fields.getOrDefault(field, List.of()).contains(value) : otherwise;
    }
}
