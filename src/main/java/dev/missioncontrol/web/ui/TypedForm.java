package dev.missioncontrol.web.ui;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A refused settings form as it was typed, so the page shows it again with the reason instead of empty fields.
 * Passwords and the CSRF token are never kept: a password is typed again, never echoed into the page. The reason is
 * shown inside the form, and the field it is about is marked invalid and takes the focus: the settings page is long,
 * and the answer to a form near its end opened at the top, far from what needed correcting.
 *
 * @param form    the id of the form in the page ({@code create-key}, {@code create-user}, {@code add-webhook})
 * @param fields  each field's values as the form sent them
 * @param field   the name of the field the refusal is about
 * @param problem why the form was refused
 */
public record TypedForm(String form, Map<String, List<String>> fields, String field, String problem) {
    static final TypedForm NONE = new TypedForm("", Map.of(), "", "");
    private static final Set<String> NEVER_KEPT = Set.of("password", "current_password", "new_password",
            "repeat_password", "_csrf", "secret");

    static TypedForm of(String form, Context ctx, String field, String problem) {
        return new TypedForm(form, ctx.formParamMap().entrySet().stream()
                .filter(e -> !NEVER_KEPT.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))),
                field, problem);
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

    /** Why this form was refused; empty for another form. */
    public String problem(String formId) {
        return form.equals(formId) ? problem : "";
    }

    /** Whether the refusal is about this field of this form: it then takes the focus, which brings it into view. */
    public boolean refused(String formId, String name) {
        return form.equals(formId) && field.equals(name);
    }

    /** The field's {@code aria-invalid}: "true" when the refusal is about it, else no attribute. */
    public String invalid(String formId, String name) {
        return refused(formId, name) ? "true" : null;
    }

    /** The field's {@code aria-describedby}: the form's problem when the refusal is about it, else no attribute. */
    public String describedBy(String formId, String name) {
        return refused(formId, name) ? formId + "-problem" : null;
    }
}
