package dev.missioncontrol.web.ui;

/**
 * What the new-investigation form holds: empty at first, or as the person typed it when it was refused.
 *
 * @param field the field the error is about ({@code prompt} or {@code context}), marked invalid and described by the
 *              error, so that a screen reader coming back to it hears why; empty when it is about none (a full queue)
 */
public record InvestigationDraft(String prompt, String context, boolean general, String error, String field) {
    static final InvestigationDraft EMPTY = new InvestigationDraft("", "", false, "", "");

    /** The field's {@code aria-invalid}: "true" when the error is about it, else no attribute. */
    public String invalid(String name) {
        return field.equals(name) ? "true" : null;
    }

    /** The field's {@code aria-describedby}: the error when it is about the field, else no attribute. */
    public String describedBy(String name) {
        return field.equals(name) ? "investigation-problem" : null;
    }
}
